import { useRef } from 'react';

let instances = 0;

/**
 * Ids for the day chips, so the row's ScrollView can scroll the chosen day into view (a restored
 * draft's date sat off the edge). Unique per picker, letters first as ids must start.
 */
export function useDayIds(): (date: string) => string {
  const uid = useRef(`day${++instances}`).current;
  return (date) => `${uid}-${date}`;
}
