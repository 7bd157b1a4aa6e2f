import { useRouter } from '@tarojs/taro';

/** A query parameter of the current page, or '' when absent. */
export function useRouteParam(name: string): string {
  const { params } = useRouter();
  const value = params[name];
  return typeof value === 'string' ? decodeURIComponent(value) : '';
}
