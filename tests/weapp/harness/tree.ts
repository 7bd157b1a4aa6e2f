import type { TemplateInfo, Templates } from './templates';

/** One node of the tree Taro renders into `page.data.root` (`nn` type alias, `sid`, `cl`, `v`, `cn`, `p0`…). */
export interface NodeData {
  nn: string;
  sid?: string;
  uid?: string;
  cl?: string;
  st?: string;
  v?: string;
  cn?: NodeData[];
  [prop: string]: unknown;
}

/** A rendered node with what WXML would make of it. */
export interface RenderedNode {
  data: NodeData;
  parent: RenderedNode | null;
  children: RenderedNode[];
  /** The template WXML picks; null when base.wxml has none (the node renders as nothing). */
  template: TemplateInfo | null;
  templateName: string;
}

export interface MissingTemplate {
  nn: string;
  template: string;
  className: string;
}

/**
 * Walks the data as base.wxml/comp.wxml would: `taro_tmpl` picks `xs.a(0, nn, '')` for the
 * root's children, each template `xs.a(c, nn, l)` for its own with c+1; past depth 15 the
 * `comp` component starts again at `tmpl_0_<nn>`.
 */
export function renderTree(root: { cn?: NodeData[] } | undefined, t: Templates): { nodes: RenderedNode[]; missing: MissingTemplate[] } {
  const missing: MissingTemplate[] = [];
  const visit = (data: NodeData, parent: RenderedNode | null, depth: number, l: string): RenderedNode => {
    let name = t.pick(depth, data.nn, l);
    let childDepth = depth + 1;
    let childL = t.nest(l, data.nn);
    // Past the last generated level (baseLevel - 1) the container template hands over to `comp`.
    if (/^tmpl_\d+_container$/.test(name)) {
      // comp.wxml: `<template is="{{'tmpl_0_' + i.nn}}" data="{{i:i,c:1,l:xs.f('',i.nn)}}" />`
      name = `tmpl_0_${data.nn}`;
      childDepth = 1;
      childL = t.nest('', data.nn);
    }
    // Inputs and textareas go through `xs.c(i, 'tmpl_0_')`: a focus and a blur variant.
    if (t.byName.get(name)?.tag === 'template') name = `${name}_${data.focus !== undefined ? 'focus' : 'blur'}`;
    const template = t.byName.get(name) ?? null;
    if (!template) missing.push({ nn: data.nn, template: name, className: String(data.cl ?? '') });
    const node: RenderedNode = { data, parent, children: [], template, templateName: name };
    node.children = (data.cn ?? []).map((c) => visit(c, node, childDepth, childL));
    return node;
  };
  const nodes = (root?.cn ?? []).map((c) => visit(c, null, 0, ''));
  return { nodes, missing };
}

export function* walk(nodes: RenderedNode[]): Generator<RenderedNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/** The text a user reads in a node: its text children's `v`, in order. */
export function textOf(node: RenderedNode): string {
  if (node.data.nn === '9') return String(node.data.v ?? '');
  return node.children.map(textOf).join('');
}

export function classesOf(node: RenderedNode): string[] {
  return String(node.data.cl ?? '').split(/\s+/).filter(Boolean);
}

/** An attribute as WXML would pass it (`open-type`, `placeholder`, `value` …). */
export function attrOf(node: RenderedNode, attr: string): unknown {
  const key = node.template?.attrs.get(attr);
  return key ? node.data[key] : undefined;
}

/** The element a tap on this text lands on: text nodes are not event targets. */
export function elementOf(node: RenderedNode): RenderedNode {
  let n: RenderedNode | null = node;
  while (n && n.data.nn === '9') n = n.parent;
  if (!n) throw new Error('a text node with no element around it');
  return n;
}

/** The nearest ancestor (or the node itself) with this class. */
export function closest(node: RenderedNode, cls: string): RenderedNode | null {
  for (let n: RenderedNode | null = node; n; n = n.parent) if (classesOf(n).includes(cls)) return n;
  return null;
}
