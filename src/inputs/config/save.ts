import { existsSync } from 'node:fs';
import { Document, isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { UsageError, writeError } from '../../shared/errors';
import { MAX_CONFIG_FILE, readTextFile } from '../../shared/read';
import { replaceFile } from '../../write';
import { OPTION_SPECS } from '../../options';
import { deepEqual, show } from './util';

/** --save: writes option values into the project config, keeping its comments and other keys. */

/**
 * Writes the run's answers to the project config: option keys only, in OPTION_SPECS order, and
 * only values the config files do not already give. An existing file keeps its comments, its
 * other keys and the stage-map form of osPackages.
 */
export function saveValues(cwd: string, path: string, values: Record<string, unknown>, fromConfig: Record<string, unknown>): void {
  const order = OPTION_SPECS.filter((s) => s.config).map((s) => s.key);
  const changed = order.filter((key) => values[key] !== undefined && !deepEqual(values[key], fromConfig[key]));
  const exists = existsSync(path);
  if (exists && changed.length === 0) return;
  const display = show(cwd, path);
  let doc: Document;
  if (exists) {
    doc = parseDocument(readTextFile(path, display, { limit: MAX_CONFIG_FILE }), { uniqueKeys: true });
    if (doc.errors.length > 0) throw new UsageError(`${display}: not valid YAML; nothing was saved`);
  } else {
    doc = new Document({});
    doc.commentBefore = ' create-lambda-image options; see docs/config.md for the keys';
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) throw new UsageError(`${display}: expected a map of keys to values; nothing was saved`);
  const map = doc.contents as YAMLMap;
  const keyOf = (node: unknown) => (isScalar(node) ? String(node.value) : undefined);
  const stageMap = map.get('osPackages', true);

  for (const key of changed) {
    const value = values[key];
    if ((key === 'osPackages' || key === 'buildOsPackages') && isMap(stageMap)) {
      stageMap.set(key === 'osPackages' ? 'final' : 'build', doc.createNode(value));
      continue;
    }
    const pair = map.items.find((p) => keyOf(p.key) === key);
    if (pair) {
      if (isScalar(pair.value) && (value === null || typeof value !== 'object')) pair.value.value = value;
      else pair.value = doc.createNode(value);
      continue;
    }
    // After the last option key that comes earlier in OPTION_SPECS, else before the first later one.
    const rank = order.indexOf(key);
    const ranks = map.items.map((p) => order.indexOf(keyOf(p.key) ?? ''));
    const after = ranks.findLastIndex((r) => r !== -1 && r < rank);
    const before = ranks.findIndex((r) => r > rank);
    const at = after !== -1 ? after + 1 : before !== -1 ? before : map.items.length;
    map.items.splice(at, 0, doc.createPair(key, value));
  }
  try {
    replaceFile(path, doc.toString());
  } catch (error) {
    throw writeError(display, error);
  }
}
