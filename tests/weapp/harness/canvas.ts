/**
 * The node of a `<canvas type="2d">` as `SelectorQuery.fields({node: true})` hands it over, with a
 * 2D context that records what is drawn. WeChat's canvas is native; this stand-in is only as
 * good as "the chart code ran through and drew these texts and shapes", which is what a test can
 * check here (what a pixel looks like is for WeChat DevTools).
 */
export interface DrawCall {
  op: string;
  args: unknown[];
}

const METHODS = [
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'drawImage', 'ellipse',
  'fill', 'fillRect', 'fillText', 'lineTo', 'moveTo', 'quadraticCurveTo', 'rect', 'restore', 'rotate',
  'save', 'scale', 'setLineDash', 'setTransform', 'resetTransform', 'stroke', 'strokeRect', 'strokeText',
  'transform', 'translate', 'roundRect',
];

export function createCanvasNode(width = 343, height = 220) {
  const calls: DrawCall[] = [];
  const state: Record<string, unknown> = {
    fillStyle: '#000', strokeStyle: '#000', lineWidth: 1, font: '10px sans-serif', textAlign: 'start',
    textBaseline: 'alphabetic', globalAlpha: 1, lineCap: 'butt', lineJoin: 'miter', shadowBlur: 0,
    shadowColor: 'transparent', shadowOffsetX: 0, shadowOffsetY: 0, lineDashOffset: 0, miterLimit: 10,
    globalCompositeOperation: 'source-over', imageSmoothingEnabled: true,
  };
  const ctx: Record<string, unknown> = { ...state };
  for (const op of METHODS) ctx[op] = (...args: unknown[]) => void calls.push({ op, args });
  ctx.getLineDash = () => [];
  ctx.measureText = (text: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(String(ctx.font))?.[1] ?? 10);
    // CJK glyphs are about one em wide, Latin about half.
    let width = 0;
    for (const ch of String(text)) width += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.55;
    return { width, actualBoundingBoxAscent: size * 0.8, actualBoundingBoxDescent: size * 0.2 };
  };
  ctx.createLinearGradient = () => ({ addColorStop: () => undefined });
  ctx.createRadialGradient = () => ({ addColorStop: () => undefined });
  ctx.createPattern = () => ({});
  ctx.getImageData = (_x: number, _y: number, w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
  ctx.putImageData = () => undefined;
  const node = {
    width,
    height,
    getContext: (type: string) => {
      if (type !== '2d') throw new Error(`canvas.getContext("${type}"): only 2d here`);
      ctx.canvas = node;
      return ctx;
    },
    createImage: () => ({ onload: null, onerror: null, src: '', width: 0, height: 0 }),
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, 16),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    toDataURL: () => 'data:image/png;base64,',
  };
  return { node, calls, texts: () => calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0])) };
}
