// Minimal declarations for the parts of d3-scale and d3-shape the UI uses (their @types packages
// are not installed).
declare module 'd3-scale' {
  export interface ScaleLinear { (v: number): number; domain(d: [number, number]): ScaleLinear; range(r: [number, number]): ScaleLinear; nice(): ScaleLinear; ticks(n: number): number[] }
  export interface ScalePoint<T> { (v: T): number | undefined; domain(d: T[]): ScalePoint<T>; range(r: [number, number]): ScalePoint<T>; padding(p: number): ScalePoint<T> }
  export function scaleLinear(): ScaleLinear;
  export function scalePoint<T>(): ScalePoint<T>;
}
declare module 'd3-shape' {
  export interface Line<T> { (data: T[]): string | null; x(f: (d: T) => number): Line<T>; y(f: (d: T) => number): Line<T> }
  export function line<T>(): Line<T>;
}
