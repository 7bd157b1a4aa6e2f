import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * What `base.wxml` (Taro's generated templates) says about each node type: the WXML tag it
 * becomes, which attribute reads which data key (`open-type="{{i.p11}}"`), and which events it
 * binds (`bindtap="eh"`) or catches. A node whose template is missing renders as nothing on a
 * phone — the harness checks every node a journey renders against this.
 */
export interface TemplateInfo {
  name: string;
  tag: string;
  /** attribute name → the key of the node's data it reads (`i.p11` → `p11`). */
  attrs: Map<string, string>;
  binds: Set<string>;
  catches: Set<string>;
}

export interface Templates {
  byName: Map<string, TemplateInfo>;
  /** utils.wxs `a(depth, nn, l)`: the template WXML picks for a node. */
  pick(depth: number, nn: string, l: string): string;
  /** utils.wxs `f(l, nn)`. */
  nest(l: string, nn: string): string;
}

export function loadTemplates(root: string): Templates {
  const wxml = fs.readFileSync(path.join(root, 'base.wxml'), 'utf8');
  const byName = new Map<string, TemplateInfo>();
  const re = /<template name="([^"]+)">\s*<([a-z-]+)([^>]*)>/g;
  for (let m = re.exec(wxml); m; m = re.exec(wxml)) {
    const [, name, tag, rest] = m as unknown as [string, string, string, string];
    const attrs = new Map<string, string>();
    const binds = new Set<string>();
    const catches = new Set<string>();
    for (const a of rest.matchAll(/([a-z:-]+)="([^"]*)"/g)) {
      const [, attr, value] = a as unknown as [string, string, string];
      const bind = /^(bind|catch)(?::)?([a-z]+)$/.exec(attr);
      if (bind && value === 'eh') (bind[1] === 'catch' ? catches : binds).add(bind[2]!);
      const key = /\{\{.*?\bi\.([a-zA-Z0-9]+)\b/.exec(value);
      if (key) attrs.set(attr, key[1]!);
    }
    byName.set(name, { name, tag, attrs, binds, catches });
  }
  // utils.wxs is ES5 with `module.exports`: evaluate it as WeChat's WXS engine would run it.
  const wxs = fs.readFileSync(path.join(root, 'utils.wxs'), 'utf8');
  const module = { exports: {} as Record<string, (...a: never[]) => string> };
  vm.runInNewContext(wxs, { module }, { filename: 'utils.wxs' });
  return {
    byName,
    pick: module.exports.a as unknown as Templates['pick'],
    nest: module.exports.f as unknown as Templates['nest'],
  };
}
