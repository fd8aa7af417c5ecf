// Document metadata (specroles marker, type, title, default owner, reviewers) from a YAML map: the front
// matter of a Markdown spec or the top level of a YAML spec.
import { isScalar, type YAMLMap } from 'yaml';
import type { DocumentMeta } from '../model';
import { findPair, nodeRange, ownerFromPair, pairRange, type YamlContext } from './yaml-nodes';

export function readMeta(map: YAMLMap, ctx: YamlContext): DocumentMeta {
  const meta: DocumentMeta = {};
  const marker = findPair(map, 'specroles');
  if (marker) meta.specroles = { value: isScalar(marker.value) ? marker.value.value : marker.value, range: pairRange(ctx, marker) };
  const type = findPair(map, 'type');
  if (type && isScalar(type.value) && typeof type.value.value === 'string') {
    meta.type = { value: type.value.value.trim().toLowerCase(), range: nodeRange(ctx, type.value) };
  }
  const title = findPair(map, 'title');
  if (title && isScalar(title.value) && title.value.value != null) meta.title = String(title.value.value);
  const owner = findPair(map, 'owner');
  const declared = owner && ownerFromPair(ctx, owner);
  if (declared) meta.owner = declared;
  const reviewers = findPair(map, 'reviewers');
  const reviewing = reviewers && ownerFromPair(ctx, reviewers);
  if (reviewing) meta.reviewers = reviewing;
  return meta;
}
