// Opens an OME-NGFF image by path or http(s) URL with a third-party reader (@fideus-labs/ngff-zarr on zarrita),
// schema validation on, reads plane (t=0, z=0) of every channel at every level and prints one JSON line:
// {"levels": [[t,c,z,y,x], ...], "dtype": "...", "sums": [[sum of channel 0, ...], ...]}. Exit code 1 on any error.
import { fromNgffZarr } from "@fideus-labs/ngff-zarr";
import * as zarr from "zarrita";

const where = process.argv[2];
try {
  const ms = await fromNgffZarr(where, { validate: true });
  const levels = ms.images.map((img) => Array.from(img.data.shape));
  const sums = [];
  for (const img of ms.images) {
    const perChannel = [];
    for (let c = 0; c < img.data.shape[1]; c++) {
      const plane = await zarr.get(img.data, [0, c, 0, null, null]);
      let s = 0;
      for (const v of plane.data) s += Number(v);
      perChannel.push(s);
    }
    sums.push(perChannel);
  }
  console.log(JSON.stringify({ levels, dtype: String(ms.images[0].data.dtype), sums }));
} catch (e) {
  console.error("ngff-zarr refused " + where + ": " + (e && e.stack ? e.stack : e));
  process.exit(1);
}
