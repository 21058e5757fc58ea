// Copies every Java block of the README that is marked <!-- consumer-test: Name.java --> into src/main/java,
// verbatim: the consumer compiles exactly what the README shows.
def text = new File(readme).getText('UTF-8')
def blocks = text =~ /(?s)<!-- consumer-test: ([A-Za-z0-9_]+\.java) -->\s*```java\n(.*?)```/
def dir = new File(basedir, 'src/main/java')
dir.mkdirs()
int n = 0
blocks.each { all, name, code ->
    new File(dir, name).setText(code, 'UTF-8')
    n++
}
if (n < 2) {
    throw new IllegalStateException("expected the README's marked Java blocks (QuickStart, QuickStartOnPostgres), found " + n)
}
println "consumer-test: ${n} README blocks extracted"
return true
