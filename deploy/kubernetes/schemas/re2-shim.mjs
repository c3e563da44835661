// Stands in for re2-wasm (an 850 KB WebAssembly build of RE2) in the bundle. The vendored schemas use RE2 for
// a handful of patterns; JavaScript's RegExp reads them alike once RE2's inline flags at the start of the
// pattern, as in "^(?i)(abort|warn)?$", become RegExp flags.
export class RE2 extends RegExp {
  constructor(pattern, flags = "") {
    const inline = /^(\^?)\(\?([ims]+)\)/.exec(pattern);
    const source = inline ? inline[1] + pattern.slice(inline[0].length) : pattern;
    super(source, [...new Set(flags + (inline ? inline[2] : ""))].join(""));
  }
}
