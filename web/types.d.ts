// What the page's scripts get from the vendor builds the server hands out (src/serve/static.ts).

interface EmbedOptions {
  readonly actions?: boolean;
  readonly renderer?: 'svg' | 'canvas';
  readonly ast?: boolean;
  readonly expr?: object;
  readonly defaultStyle?: boolean;
  readonly tooltip?: boolean | object;
}

interface EmbedResult {
  readonly view: { finalize(): void };
}

/** vega-embed's UMD build (window.vegaEmbed). */
declare function vegaEmbed(el: HTMLElement, spec: object, options?: EmbedOptions): Promise<EmbedResult>;
