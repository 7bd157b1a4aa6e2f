import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws: this keeps ECharts at about a third of its full size, and it lives
// in the admin subpackage only.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
let nextId = 0;

interface CanvasNode {
  width: number;
  height: number;
  getContext: (type: '2d') => unknown;
}

/**
 * The canvas ECharts is handed on weapp. WeChat's 2D canvas node has no DOM event methods, which
 * zrender calls on the element it draws on; as in ECharts' documented mini-program path, a thin
 * wrapper gives it no-op ones (touches reach the chart through `forward` below) and passes size
 * and context through to the node.
 */
function asChartCanvas(node: CanvasNode) {
  return {
    nodeName: 'CANVAS',
    style: {},
    get width() {
      return node.width;
    },
    set width(w: number) {
      node.width = w;
    },
    get height() {
      return node.height;
    },
    set height(h: number) {
      node.height = h;
    },
    getContext: (type: '2d') => node.getContext(type),
    addEventListener: noop,
    removeEventListener: noop,
    attachEvent: noop,
    detachEvent: noop,
  };
}

/** weapp: ECharts draws on the node of a `<canvas type="2d">`, found once the page has rendered it. */
function initOnCanvasNode(id: string, attempt: number, done: (chart: echarts.ECharts) => void): void {
  Taro.createSelectorQuery()
    .select(`#${id}`)
    .fields({ node: true, size: true })
    .exec((res: ({ node?: CanvasNode; width: number; height: number } | null)[]) => {
      const info = res?.[0];
      if (!info?.node || !info.width) {
        if (attempt < 10) setTimeout(() => initOnCanvasNode(id, attempt + 1, done), 50);
        return;
      }
      const canvas = asChartCanvas(info.node);
      // Text is measured with a real context (the default would create a DOM canvas).
      echarts.setPlatformAPI({ createCanvas: () => canvas as unknown as HTMLCanvasElement });
      const chart = echarts.init(canvas as unknown as HTMLElement, undefined, {
        width: info.width,
        height: info.height,
        devicePixelRatio: Taro.getWindowInfo().pixelRatio,
      });
      done(chart);
    });
}

type Touch = { x: number; y: number };
type ZrEventName = Parameters<ReturnType<echarts.ECharts['getZr']>['handler']['dispatch']>[0];
type CanvasTouch = { touches?: Touch[]; changedTouches?: Touch[] };
const noop = () => undefined;

/** weapp has no DOM events on the canvas: hand taps to ECharts so tooltips work. */
function forward(chart: echarts.ECharts | null, e: CanvasTouch, names: ZrEventName[]): void {
  const t = e.touches?.[0] ?? e.changedTouches?.[0];
  if (!chart || !t) return;
  const handler = chart.getZr().handler;
  for (const name of names) {
    handler.dispatch(name, { zrX: t.x, zrY: t.y, preventDefault: noop, stopPropagation: noop, stopImmediatePropagation: noop });
  }
}

export interface EChartProps {
  option: echarts.EChartsCoreOption;
  className?: string;
}

/**
 * One ECharts chart on both platforms. h5: ECharts creates its canvas inside the element and
 * follows its size. weapp: a Taro `<Canvas type="2d">` whose node ECharts draws on.
 */
export function EChart({ option, className }: EChartProps) {
  const [id] = useState(() => `admin-echart-${++nextId}`);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    let disposed = false;
    let cleanup = noop;
    const attach = (chart: echarts.ECharts) => {
      if (disposed) {
        chart.dispose();
        return;
      }
      chartRef.current = chart;
      chart.setOption(optionRef.current, true);
    };
    if (IS_WEAPP) {
      Taro.nextTick(() => initOnCanvasNode(id, 0, attach));
    } else {
      const el = document.getElementById(id);
      if (el) {
        const chart = echarts.init(el, undefined, { renderer: 'canvas' });
        attach(chart);
        const resize = () => chart.resize();
        const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
        observer?.observe(el);
        window.addEventListener('resize', resize);
        cleanup = () => {
          observer?.disconnect();
          window.removeEventListener('resize', resize);
        };
      }
    }
    return () => {
      disposed = true;
      cleanup();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, [id]);

  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);

  if (IS_WEAPP) {
    return (
      <Canvas
        type="2d"
        id={id}
        className={`echart echart--weapp${className ? ` ${className}` : ''}`}
        onTouchStart={(e) => forward(chartRef.current, e as unknown as CanvasTouch, ['mousedown', 'mousemove'])}
        onTouchMove={(e) => forward(chartRef.current, e as unknown as CanvasTouch, ['mousemove'])}
        onTouchEnd={(e) => forward(chartRef.current, e as unknown as CanvasTouch, ['mouseup', 'click'])}
      />
    );
  }
  return <View id={id} className={`echart${className ? ` ${className}` : ''}`} />;
}

export default EChart;
