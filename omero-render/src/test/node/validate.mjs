// Opens an OME-NGFF pyramid written by omero-render with a third-party reader, schema validation on, and prints
// what the reader saw as one JSON line: {"levels": [[t,c,z,y,x], ...], "dtype": "..."}. Exit code 1 on any error.
import { fromNgffZarr } from "@fideus-labs/ngff-zarr";

const path = process.argv[2];
try {
  const ms = await fromNgffZarr(path, { validate: true });
  const levels = ms.images.map((img) => Array.from(img.data.shape));
  console.log(JSON.stringify({ levels, dtype: String(ms.images[0].data.dtype) }));
} catch (e) {
  console.error("ngff-zarr refused " + path + ": " + (e && e.stack ? e.stack : e));
  process.exit(1);
}
