// The <foundations-check> custom element. This class is all the hand-written
// JavaScript of the widget: it gives the widget (built in Rust, see src/web/widget/)
// a shadow root, forwards attributes and properties to it, and fetches a framework
// that is given as a URL, the only network request the widget makes apart from the
// team view's own script (below).
// `ready` is a promise of the wasm-bindgen exports. `loadTeam`, in the self-check
// embed, returns a promise of the exports of foundations-check-team.js, the build with
// the team view, which it loads once, when an element first asks for mode="team".
function defineFoundationsCheck(ready, loadTeam) {
  if (customElements.get("foundations-check")) return;
  const DEFAULT = "place-based-partnership";
  // A framework attribute that looks like a path or URL is fetched; anything else is
  // a built-in id.
  const isUrl = (v) => typeof v === "string" && /[/:]|\.json$/i.test(v.trim()) && !v.trim().startsWith("{");

  class FoundationsCheck extends HTMLElement {
    static get observedAttributes() {
      return ["framework", "mode", "lang", "storage-key"];
    }

    constructor() {
      super();
      this._root = this.attachShadow({ mode: "open" });
      this._widget = null;
      this._framework = undefined; // set through the property
      this._response = undefined;
      this._strings = undefined;
    }

    connectedCallback() {
      if (this._started) return;
      this._started = true;
      ready.then(
        (fc) => this._start(fc),
        (e) => { this._root.textContent = "The self-check could not start: " + (e && e.message ? e.message : e); },
      );
    }

    _start(fc) {
      if (loadTeam && this.getAttribute("mode") === "team" && !fc.Widget.hasTeam()) {
        this._startTeam();
        return;
      }
      if (this._widget) {
        // Moving to the team build: the old widget stops listening and goes.
        this._widget.free();
        this._root.replaceChildren();
      }
      this._fc = fc;
      const w = (this._widget = new fc.Widget(this, this._root));
      for (const name of ["mode", "lang", "storage-key"]) {
        if (this.hasAttribute(name)) w.setAttribute(name, this.getAttribute(name));
      }
      if (this._strings) w.setStrings(this._strings);
      // A framework in the page itself, for editors who cannot host a file: a child
      // <script type="application/json">, which runs nothing (so a strict CSP allows
      // it). While the page is still being read, it may not have arrived yet.
      const own = this._framework === undefined && !this.getAttribute("framework");
      if (own && !this._script() && document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => this._load(this._source()), { once: true });
      } else {
        this._load(this._source());
      }
    }

    _script() {
      return this.querySelector(':scope > script[type="application/json"]');
    }

    /** The framework asked for: the property, the attribute, the page's own, or the default. */
    _source() {
      if (this._framework !== undefined) return this._framework;
      const script = !this.getAttribute("framework") && this._script();
      return script ? { inPage: script.textContent } : this.getAttribute("framework") || DEFAULT;
    }

    _startTeam() {
      loadTeam().then(
        (fc) => this._start(fc),
        (e) => {
          if (this._widget) this._widget.showError(String(e && e.message ? e.message : e));
          else this._root.textContent = String(e && e.message ? e.message : e);
        },
      );
    }

    _load(value) {
      const w = this._widget;
      if (!w) return;
      const done = () => {
        if (this._response !== undefined && w.hasFramework) w.setResponse(this._response);
      };
      if (isUrl(value)) {
        fetch(new URL(value, document.baseURI), { credentials: "same-origin" })
          .then((r) => {
            if (!r.ok) throw new Error(`The questionnaire at ${value} could not be loaded (${r.status} ${r.statusText}).`);
            return r.text();
          })
          .then((text) => { w.loadFramework(text); done(); }, (e) => w.showError(String(e && e.message ? e.message : e)));
      } else {
        if (value && typeof value.inPage === "string") w.loadFramework(value.inPage, true);
        else w.loadFramework(value);
        done();
      }
    }

    attributeChangedCallback(name, _old, value) {
      if (!this._widget) return;
      if (name === "framework") this._load(value || DEFAULT);
      else if (name === "mode" && value === "team" && loadTeam && !this._fc.Widget.hasTeam()) this._startTeam();
      else this._widget.setAttribute(name, value);
    }

    /** The framework: a built-in id, a URL, JSON text or an object. */
    get framework() { return this._widget ? this._widget.framework : null; }
    set framework(value) { this._framework = value; this._load(value); }

    /** The response being answered or shown: an object, JSON text or a share code. */
    get response() { return this._widget ? this._widget.response : null; }
    set response(value) {
      this._response = value;
      if (this._widget && this._widget.hasFramework) {
        const error = this._widget.setResponse(value);
        if (error) throw new Error(error);
      }
    }

    /**
     * Adds self-checks to the team view (mode="team"): share codes or links, or the
     * text of a JSON or CSV export. With `previous`, to the earlier round. Returns
     * { added, duplicates, rejected }.
     */
    importResponses(text, { name = "imported text", previous = false } = {}) {
      if (!this._widget || !this._widget.hasFramework) throw new Error("foundations-check: the framework is not loaded yet (wait for fc-ready)");
      if (!this._widget.importText) throw new Error('foundations-check: importResponses needs the team view: set mode="team" and wait for fc-ready (foundations-check-team.js is loaded beside this file)');
      return this._widget.importText(name, String(text), previous);
    }

    /** Overrides of the widget's text, by key (see the README). */
    get strings() { return this._strings || {}; }
    set strings(value) {
      this._strings = value;
      if (this._widget) this._widget.setStrings(value || {});
    }
  }
  customElements.define("foundations-check", FoundationsCheck);
}
