/** pdf.js's worker module, imported to run pdf.js on the main thread (it ships no typings). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
