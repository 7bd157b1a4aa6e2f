/** The part of pdfkit 0.17 the certificate uses (the package ships no types). */
declare module 'pdfkit' {
  interface TextOptions {
    align?: 'left' | 'center' | 'right' | 'justify';
    width?: number;
    lineGap?: number;
    continued?: boolean;
  }
  class PDFDocument {
    constructor(options?: Record<string, unknown>);
    y: number;
    x: number;
    page: { width: number; height: number; margins: { left: number; right: number; top: number; bottom: number } };
    on(event: 'data', cb: (chunk: Buffer) => void): this;
    on(event: 'end', cb: () => void): this;
    on(event: 'error', cb: (err: Error) => void): this;
    font(src: string | Buffer): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(w: number): this;
    text(text: string, x?: number | TextOptions, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(): this;
    end(): void;
  }
  export default PDFDocument;
}
