// Rebuilds ../countries-110m.geojson from the npm packages world-atlas@2.0.2 and
// topojson-client@3.1.0 (run in a folder where both are unpacked, e.g. after
// `npm pack world-atlas@2.0.2 topojson-client@3.1.0` and untarring each into
// world-atlas-2.0.2/ and topojson-client-3.1.0/):
//   node topojson-to-geojson.js > countries-110m.geojson
// Coordinates are rounded to 0.01 degree (about 1 km): finer than 1:110m needs.
const topo = require('./topojson-client-3.1.0/package/dist/topojson-client.js');
const t = require('./world-atlas-2.0.2/package/countries-110m.json');
const fc = topo.feature(t, t.objects.countries);
const r = x => Math.round(x * 100) / 100;
// Rings that cross the antimeridian (Russia, Fiji) jump from 180 to -180: Leaflet, which does
// not know the sphere, draws that jump as a band around the world. Unwrap each ring so that
// its longitudes run on (e.g. to 190) instead.
const unwrap = ring => {
  let shift = 0;
  return ring.map((p, i) => {
    if (i > 0) {
      const d = p[0] + shift - (ring[i - 1][0] + shiftAt[i - 1]);
      if (d > 180) shift -= 360; else if (d < -180) shift += 360;
    }
    shiftAt[i] = shift;
    return [r(p[0] + shift), r(p[1])];
  });
};
let shiftAt = [];
const q = c => typeof c[0][0] === 'number' ? (shiftAt = [], unwrap(c)) : c.map(q);
fc.features = fc.features.map(f => ({type: 'Feature', id: f.id, properties: {name: f.properties.name}, geometry: {type: f.geometry.type, coordinates: q(f.geometry.coordinates)}}));
process.stdout.write(JSON.stringify(fc));
