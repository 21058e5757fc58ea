package org.omerosdk.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.omerosdk.model.core.Image;
import org.omerosdk.sdk.Session;

/**
 * The gateway's pages: {@code webclient/login/} (OMERO.web's login form, posting to {@code api/v0/login/}) and the
 * viewer {@code webclient/img_detail/{id}/}: the image tiled and zoomable in OpenSeadragon (served from its WebJar
 * under {@code static/openseadragon/{version}/}), its tiles from {@code webgateway/render_image_region}, with Z and
 * T sliders and a toggle per channel. A page for an image the caller may not see is the same 404 page as for a
 * missing one; a caller who is neither logged in nor allowed as the public user is sent to the login page.
 */
final class ViewerRoutes {
    static final String LOGIN = "/webclient/login/";
    static final String STATIC = "/static/openseadragon/";
    /** The tile side the viewer asks for (OMERO.web's viewer uses the image's tile size; 256 when it has none). */
    static final int VIEWER_TILE = 256;

    private static final String WEBJAR = "META-INF/resources/webjars/openseadragon/";
    private final String version = webjarVersion();

    List<Route> routes() {
        return List.of(
                Route.get(LOGIN, Route.Access.ANYONE, (ex, g) -> loginPage(ex)),
                Route.get("/webclient/img_detail/(\\d+)/", Route.Access.PAGE, (ex, g) -> viewer(ex, g.get(0))),
                Route.get(STATIC + "([0-9.]+)/((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.(?:js|png|map))",
                        Route.Access.ANYONE, (ex, g) -> staticFile(g.get(0), g.get(1))));
    }

    /** The OpenSeadragon WebJar's version, from its Maven properties on the class path. */
    private static String webjarVersion() {
        try (InputStream in = ViewerRoutes.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/openseadragon/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the OpenSeadragon WebJar (org.webjars.npm:openseadragon) is not on "
                        + "the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A file of the WebJar's build, cached by browsers for a year: its URL carries the version. */
    private Reply staticFile(String v, String path) throws IOException {
        if (!v.equals(version)) {
            throw HttpError.notFound();
        }
        byte[] body;
        try (InputStream in = ViewerRoutes.class.getClassLoader()
                .getResourceAsStream(WEBJAR + version + "/build/openseadragon/" + path)) {
            if (in == null) {
                throw HttpError.notFound();
            }
            body = in.readAllBytes();
        }
        String type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                : path.endsWith(".png") ? "image/png" : Reply.JSON;
        return new Reply(200, type, Map.of("Cache-Control", List.of("public, max-age=31536000, immutable")), body);
    }

    /** Where the login page sends the browser afterwards: a path of this gateway only, never another site. */
    private static String next(Exchange ex) {
        String url = ex.query("url").orElse("");
        boolean local = url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")
                && url.chars().noneMatch(c -> c < 0x20);
        return local ? ex.url(url) : "";
    }

    private Reply loginPage(Exchange ex) {
        String body = "<header><strong>OMERO</strong></header><main>"
                + "<form class=\"login\" id=\"login\"><h1>Log in</h1>"
                + "<label for=\"username\">Username</label><input id=\"username\" name=\"username\" "
                + "autocomplete=\"username\" required>"
                + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" "
                + "type=\"password\" autocomplete=\"current-password\" required>"
                + "<button id=\"submit\" type=\"submit\">Log in</button><p id=\"message\" class=\"error\"></p></form>"
                + "</main><script>\n"
                + "const base = " + Json.forScript(ex.base) + ";\nconst next = " + Json.forScript(next(ex)) + ";\n"
                + LOGIN_SCRIPT + "</script>";
        return Reply.text(200, Reply.HTML, Html.page("OMERO.web - Login", body));
    }

    private static final String LOGIN_SCRIPT = """
            document.getElementById('login').addEventListener('submit', async (e) => {
              e.preventDefault();
              const message = document.getElementById('message');
              message.textContent = '';
              try {
                const token = (await (await fetch(base + '/api/v0/token/', {credentials: 'same-origin'})).json()).data;
                const form = new URLSearchParams({username: document.getElementById('username').value,
                    password: document.getElementById('password').value, server: '1'});
                const r = await fetch(base + '/api/v0/login/', {method: 'POST', credentials: 'same-origin',
                    headers: {'X-CSRFToken': token}, body: form});
                const answer = await r.json();
                if (r.ok) {
                  if (next) { location.href = next; return; }
                  message.className = '';
                  message.textContent = 'Logged in as ' + answer.eventContext.userName;
                } else {
                  message.textContent = answer.message;
                }
              } catch (err) {
                message.textContent = 'The server did not answer: ' + err;
              }
            });
            """;

    private Reply viewer(Exchange ex, String id) {
        Caller caller = ex.caller();
        Session s = caller.session();
        Image image = WebgatewayRoutes.image(s, id);
        Map<String, Object> data = WebgatewayRoutes.imgData(s, image);
        String who = caller.publicUser() ? "public user"
                : Html.escape(s.user().omeName()) + " <button id=\"logout\">Log out</button>";
        String body = "<header><strong id=\"name\">" + Html.escape(image.name()) + "</strong><span>Image "
                + image.id() + "</span><a id=\"zarr\" href=\"" + Html.escape(ex.url("/zarr/" + image.id() + ".zarr"))
                + "\">OME-Zarr</a><span id=\"who\">" + who + "</span></header>"
                + "<div id=\"viewer\"></div><div id=\"controls\"></div>"
                + "<script src=\"" + Html.escape(ex.url(STATIC + version + "/openseadragon.min.js")) + "\"></script>"
                + "<script>\nconst base = " + Json.forScript(ex.base) + ";\nconst data = " + Json.forScript(data)
                + ";\nconst tileSide = " + VIEWER_TILE + ";\nconst osdImages = "
                + Json.forScript(ex.url(STATIC + version + "/images/")) + ";\n" + VIEWER_SCRIPT + "</script>";
        return Reply.text(200, Reply.HTML, Html.page(image.name() + " - OMERO.web", body));
    }

    /**
     * OpenSeadragon's levels are halvings of the full size; the image's own levels are used as long as each halves
     * the one before (imgData's zoomLevelScaling), coarser views are drawn from the coarsest of those. Z, T and the
     * channels change the tile URLs: the viewer reopens the source and keeps its viewport.
     */
    private static final String VIEWER_SCRIPT = """
            const W = data.size.width, H = data.size.height;
            const maxLevel = Math.ceil(Math.log2(Math.max(W, H, 1)));
            let usable = 1;
            if (data.tiles) {
              for (let i = 1; i < data.levels; i++) {
                if (Math.abs(data.zoomLevelScaling[String(i)] - Math.pow(2, -i)) > 0.01) break;
                usable++;
              }
            }
            const state = {z: data.rdefs.defaultZ, t: data.rdefs.defaultT, tilesLoaded: 0, tilesFailed: 0,
                channels: data.channels.map((c) => ({active: c.active, start: c.window.start, end: c.window.end,
                    color: c.color, label: c.label}))};
            function channelParam() {
              return state.channels.map((c, i) => (c.active ? '' : '-') + (i + 1) + '|' + c.start + ':' + c.end
                  + '$' + c.color).join(',');
            }
            function tileSource() {
              const c = encodeURIComponent(channelParam()), z = state.z, t = state.t;
              const model = data.rdefs.model === 'greyscale' ? 'g' : 'c';
              return {width: W, height: H, tileSize: tileSide, tileOverlap: 0,
                  minLevel: Math.max(0, maxLevel - (usable - 1)), maxLevel: maxLevel,
                  getTileUrl: (level, x, y) => base + '/webgateway/render_image_region/' + data.id + '/' + z + '/'
                      + t + '/?tile=' + (maxLevel - level) + ',' + x + ',' + y + ',' + tileSide + ',' + tileSide
                      + '&c=' + c + '&m=' + model + '&format=jpeg'};
            }
            const viewer = OpenSeadragon({id: 'viewer', prefixUrl: osdImages, tileSources: tileSource(),
                preserveViewport: true, showNavigator: true, maxZoomPixelRatio: 4, immediateRender: true});
            viewer.addHandler('tile-loaded', () => { state.tilesLoaded++; });
            viewer.addHandler('tile-load-failed', () => { state.tilesFailed++; });
            function reopen() { viewer.open(tileSource()); }
            const controls = document.getElementById('controls');
            function slider(name, size) {
              if (size <= 1) return;
              const label = document.createElement('label');
              label.textContent = name.toUpperCase() + ' ';
              const input = document.createElement('input');
              Object.assign(input, {type: 'range', id: name, min: 0, max: size - 1, value: state[name]});
              const shown = document.createElement('span');
              shown.id = name + '-value';
              shown.textContent = String(state[name] + 1) + '/' + size;
              input.addEventListener('input', () => {
                state[name] = Number(input.value);
                shown.textContent = String(state[name] + 1) + '/' + size;
                reopen();
              });
              label.append(input, ' ', shown);
              controls.append(label);
            }
            slider('z', data.size.z);
            slider('t', data.size.t);
            state.channels.forEach((c, i) => {
              const label = document.createElement('label');
              const box = document.createElement('input');
              Object.assign(box, {type: 'checkbox', id: 'channel-' + i, checked: c.active});
              box.addEventListener('change', () => { c.active = box.checked; reopen(); });
              const swatch = document.createElement('span');
              swatch.className = 'swatch';
              if (/^[0-9A-Fa-f]{6}$/.test(c.color)) swatch.style.background = '#' + c.color;
              label.append(box, swatch, c.label);
              controls.append(label);
            });
            const logout = document.getElementById('logout');
            if (logout) {
              logout.addEventListener('click', async () => {
                const token = (await (await fetch(base + '/api/v0/token/')).json()).data;
                await fetch(base + '/webclient/logout/', {method: 'POST', headers: {'X-CSRFToken': token}});
                location.href = base + '/webclient/login/?url=' + encodeURIComponent(location.pathname.substring(
                    new URL(base).pathname.replace(/\\/$/, '').length));
              });
            }
            window.omeroViewer = {viewer, state, reopen};
            """;
}
