/** widget.css is bundled as a minified string by scripts/build-widget.mjs. */
declare module '*.css' {
  const css: string;
  export default css;
}
