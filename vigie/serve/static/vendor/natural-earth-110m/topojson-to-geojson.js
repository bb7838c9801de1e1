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
const q = c => typeof c[0] === 'number' ? [r(c[0]), r(c[1])] : c.map(q);
fc.features = fc.features.map(f => ({type: 'Feature', id: f.id, properties: {name: f.properties.name}, geometry: {type: f.geometry.type, coordinates: q(f.geometry.coordinates)}}));
process.stdout.write(JSON.stringify(fc));
