// The alliance explorer (aikg export html, aikg serve). Everything that comes
// from the database is put on the page with textContent or as Cytoscape data
// (drawn on a canvas), never as markup; links only from http(s) URLs.
(function () {
  'use strict';

  const boot = JSON.parse(document.getElementById('aikg-data').textContent);
  const api = typeof boot.api === 'string' ? boot.api : null; // served: the API's base path
  // Up to RINGS nodes CoSE lays the graph out and animates it; beyond, it is
  // O(n^2) per iteration (61 s for 2,000 nodes), and so was Boost's
  // Fruchterman-Reingold in C++ (17 s: its grid is one cell), so large
  // pictures are rings: around the focus by distance, else by degree (hubs in
  // the middle), drawn at once and draggable. Beyond MANY edges, edges are
  // drawn straight and hidden while panning, and small labels are skipped.
  const RINGS = 300;
  const MANY = 3000;
  const state = { focus: null, depth: 1, types: new Set(), statuses: new Set(), from: '', to: '', competition: false };
  const $ = (id) => document.getElementById(id);
  let data = null; // {title, legend, show_competition, nodes, edges, total, truncated}
  let nodeById = new Map();
  let edgeById = new Map();
  let cy = null;
  const explorer = (window.aikgExplorer = { ready: false, layouts: 0 });

  // ---- small DOM helpers (text only)
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function webUrl(u) { return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : ''; }
  function key(s) { return String(s).normalize('NFC').toLowerCase().replace(/\s+/g, ''); }
  async function getJson(path) {
    const r = await fetch(api + path, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
    return r.json();
  }

  // ---- the legend doubles as the type and status filters
  function typeInfo(name) { return data.legend.types.find((t) => t.name === name); }
  function statusInfo(name) { return data.legend.statuses.find((s) => s.name === name); }
  function kindInfo(name) { return data.legend.kinds.find((k) => k.name === name) || data.legend.kinds[0]; }

  function buildFilters() {
    const types = $('type-filters');
    clear(types);
    for (const t of data.legend.types) {
      if (t.name === 'competition') continue; // its own switch below
      state.types.add(t.name);
      const label = el('label', null, 'check');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.type = t.name;
      box.addEventListener('change', () => { box.checked ? state.types.add(t.name) : state.types.delete(t.name); apply(); });
      const swatch = el('span', null, 'swatch');
      swatch.style.borderTopColor = t.colour;
      label.append(box, swatch, el('span', t.name + (t.directed ? ' \u2192' : '')));
      label.title = t.description;
      types.append(label);
    }
    state.competition = !!data.show_competition;
    $('show-competition').checked = state.competition;
    const statuses = $('status-filters');
    clear(statuses);
    for (const s of data.legend.statuses) {
      state.statuses.add(s.name);
      const label = el('label', null, 'check');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.status = s.name;
      box.addEventListener('change', () => { box.checked ? state.statuses.add(s.name) : state.statuses.delete(s.name); apply(); });
      const swatch = el('span', null, 'swatch');
      swatch.style.borderTopStyle = s.line;
      swatch.style.borderTopColor = s.faded ? '#bbb' : '#333';
      label.append(box, swatch, el('span', s.name));
      label.title = s.description;
      statuses.append(label);
    }
    const kinds = $('kind-legend');
    clear(kinds);
    for (const k of data.legend.kinds) {
      const row = el('div');
      const sample = el('span', null, 'kind');
      sample.style.background = k.fill;
      if (k.shape === 'ellipse') sample.style.borderRadius = '50%';
      if (k.shape === 'round-rectangle') sample.style.borderRadius = '3px';
      row.append(sample, el('span', k.name + ' (' + k.shape + ')'));
      kinds.append(row);
    }
  }

  // ---- the graph
  function elements() {
    const out = [];
    for (const n of data.nodes) {
      const k = kindInfo(n.kind);
      out.push({ group: 'nodes', data: { id: n.id, label: n.name, shape: k.shape, fill: k.fill } });
    }
    for (const e of data.edges) {
      const t = typeInfo(e.type);
      const s = statusInfo(e.status);
      out.push({
        group: 'edges',
        data: {
          id: e.id, source: e.source, target: e.target, type: e.type, status: e.status, colour: t ? t.colour : '#999', line: s ? s.line : 'solid',
          opacity: s && s.faded ? 0.33 : 0.9, width: e.width, arrow: e.directed ? 'triangle' : 'none',
        },
      });
    }
    return out;
  }

  function style() {
    const large = data.edges.length > MANY;
    return [
      { selector: 'node', style: {
        label: 'data(label)', shape: 'data(shape)', 'background-color': 'data(fill)', 'border-width': 1,
        'border-color': '#555', 'font-size': 10, 'text-valign': 'center', 'text-halign': 'center',
        width: 'label', height: 18, padding: '5px', 'min-zoomed-font-size': large ? 9 : 0 } },
      { selector: 'edge', style: {
        'line-color': 'data(colour)', 'line-style': 'data(line)', width: 'data(width)', opacity: 'data(opacity)',
        'target-arrow-shape': 'data(arrow)', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.8,
        'curve-style': large ? 'haystack' : 'bezier' } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: 'node.focus', style: { 'background-color': '#ffe08a', 'border-color': '#b8860b', 'border-width': 2.5 } },
      { selector: 'node:selected', style: { 'border-color': '#1a55a0', 'border-width': 3 } },
      { selector: 'edge:selected', style: { 'underlay-color': '#1a55a0', 'underlay-opacity': 0.25, 'underlay-padding': 4 } },
    ];
  }

  function load(part) {
    data = part;
    nodeById = new Map(data.nodes.map((n) => [n.id, n]));
    edgeById = new Map(data.edges.map((e) => [e.id, e]));
    if (data.title) { $('title').textContent = data.title; document.title = data.title; }
    if (!cy) {
      cy = cytoscape({ container: $('graph'), style: style(), wheelSensitivity: 0.3, minZoom: 0.02, maxZoom: 4,
        hideEdgesOnViewport: data.edges.length > MANY, textureOnViewport: data.edges.length > MANY });
      explorer.cy = cy;
      cy.on('tap', 'node', (ev) => showNode(ev.target.id()));
      cy.on('tap', 'edge', (ev) => showEdge(ev.target.id()));
    }
    cy.batch(() => { cy.elements().remove(); cy.add(elements()); });
    apply(true);
  }

  // An edge passes the filters: type, status, competition switch, and its
  // evidence dates overlapping [from, to] (undated edges drop out once a date is set).
  function passes(e) {
    if (e.type === 'competition' ? !state.competition : !state.types.has(e.type)) return false;
    if (!state.statuses.has(e.status)) return false;
    if (state.from && !(e.last_seen && e.last_seen >= state.from)) return false;
    if (state.to && !(e.first_seen && e.first_seen.slice(0, state.to.length) <= state.to)) return false;
    return true;
  }

  // The nodes within state.depth hops of the focus over the edges that pass.
  function reachable(edges) {
    const adj = new Map();
    for (const e of edges) {
      if (!adj.has(e.source)) adj.set(e.source, []);
      if (!adj.has(e.target)) adj.set(e.target, []);
      adj.get(e.source).push(e.target);
      adj.get(e.target).push(e.source);
    }
    const dist = new Map([[state.focus, 0]]);
    let frontier = [state.focus];
    for (let d = 1; d <= state.depth; d++) {
      const next = [];
      for (const v of frontier) for (const w of adj.get(v) || []) if (!dist.has(w)) { dist.set(w, d); next.push(w); }
      frontier = next;
    }
    return dist;
  }

  function apply(relayout) {
    let edges = data.edges.filter(passes);
    const shownNodes = new Set();
    explorer.distance = null;
    if (state.focus && nodeById.has(state.focus)) {
      const near = reachable(edges);
      explorer.distance = near;
      edges = edges.filter((e) => near.has(e.source) && near.has(e.target));
      shownNodes.add(state.focus);
    }
    for (const e of edges) { shownNodes.add(e.source); shownNodes.add(e.target); }
    const shownEdges = new Set(edges.map((e) => e.id));
    cy.batch(() => {
      cy.nodes().forEach((n) => { n.toggleClass('hidden', !shownNodes.has(n.id())); n.toggleClass('focus', n.id() === state.focus); });
      cy.edges().forEach((e) => e.toggleClass('hidden', !shownEdges.has(e.id())));
    });
    explorer.shown = { nodes: shownNodes.size, edges: shownEdges.size };
    showCounts();
    if (relayout) layout();
  }

  function showCounts() {
    const s = explorer.shown;
    let text = 'showing ' + s.nodes + ' of ' + data.total.nodes + ' organisations, ' + s.edges + ' of ' +
      data.total.edges + ' relations';
    if (data.truncated) text += api && data.edges.length === 0 ? ' \u2014 too many to draw: search an organisation' : ' (cut: a part is loaded)';
    $('counts').textContent = text;
  }

  function layout() {
    cy.resize(); // the panels beside it may have changed its width since it was made
    const shown = cy.elements().not('.hidden');
    explorer.ready = false;
    const large = shown.nodes().length > RINGS;
    const ringed = state.focus && explorer.distance
      ? (n) => 10 - (explorer.distance.has(n.id()) ? explorer.distance.get(n.id()) : 9)
      : (n) => n.degree(false);
    const l = large ? shown.layout({ name: 'concentric', concentric: ringed, levelWidth: () => 1, fit: true, padding: 30, minNodeSpacing: 4 })
      : shown.layout({
        name: 'cose', animate: true, animationDuration: 350, randomize: true, fit: true, padding: 30,
        numIter: 1000, nodeDimensionsIncludeLabels: true, componentSpacing: 60,
      });
    l.one('layoutstop', () => {
      explorer.ready = true;
      explorer.layouts++;
      if (!explorer.firstSettled) explorer.firstSettled = performance.now(); // ms since the page began to load
    });
    l.run();
  }

  // ---- details
  function focusOn(id) {
    explorer.ready = false; // until the new picture has settled
    state.focus = id;
    $('focus-name').textContent = nodeById.has(id) ? nodeById.get(id).name : 'none';
    if (api && id) {
      getJson('neighbors?id=' + encodeURIComponent(id) + '&depth=' + state.depth).then((part) => load(part)).catch(report);
    } else {
      apply(true);
    }
  }

  function nodeLink(id) {
    const n = nodeById.get(id);
    const a = el('span', n ? n.name : id, 'link');
    a.addEventListener('click', () => { cy.$(':selected').unselect(); const t = cy.getElementById(id); t.select(); showNode(id); });
    return a;
  }

  function dl(rows) {
    const d = el('dl');
    for (const [k, v] of rows) if (v !== '' && v !== undefined) d.append(el('dt', k), el('dd', v));
    return d;
  }

  async function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const box = $('details');
    clear(box);
    box.append(el('h2', 'organisation'), el('h3', n.name));
    box.append(dl([['kind', n.kind], ['group', n.group], ['also', (n.aliases || []).join('; ')]]));
    const focus = el('button', 'Focus here');
    focus.type = 'button';
    focus.addEventListener('click', () => focusOn(id));
    box.append(focus);
    let edges = data.edges;
    if (api) { // a served part may hold only some of its relations: ask for all of them
      const own = await getJson('neighbors?id=' + encodeURIComponent(id) + '&depth=1');
      for (const m of own.nodes) if (!nodeById.has(m.id)) nodeById.set(m.id, m);
      edges = own.edges;
    }
    const mine = edges.filter((e) => (e.source === id || e.target === id) && passes(e));
    const neighbours = [...new Set(mine.map((e) => (e.source === id ? e.target : e.source)))];
    box.append(el('h2', 'neighbours (' + neighbours.length + ')'));
    const list = el('ul', null, 'timeline');
    for (const other of neighbours) { const li = el('li'); li.append(nodeLink(other)); list.append(li); }
    box.append(list);
    box.append(el('h2', 'timeline'));
    const timeline = el('ul', null, 'timeline');
    const sorted = mine.slice().sort((a, b) => (a.first_seen || '9999').localeCompare(b.first_seen || '9999'));
    for (const e of sorted) {
      const li = el('li');
      const other = e.source === id ? e.target : e.source;
      const dates = e.first_seen ? (e.first_seen === e.last_seen ? e.first_seen : e.first_seen + ' \u2013 ' + e.last_seen) : 'undated';
      const what = el('span', e.type + ' (' + e.status + ')', 'link');
      what.addEventListener('click', () => showEdge(e.id, e));
      li.append(el('span', dates + ' '), what, el('span', ' with '), nodeLink(other));
      timeline.append(li);
    }
    box.append(timeline);
  }

  async function showEdge(id, known) {
    const e = edgeById.get(id) || known;
    if (!e) return;
    explorer.edgeShown = id;
    const box = $('details');
    clear(box);
    box.append(el('h2', 'relation'));
    const h = el('h3');
    h.append(nodeLink(e.source), el('span', e.directed ? ' \u2192 ' : ' \u2014 '), nodeLink(e.target));
    box.append(h);
    box.append(dl([['type', e.type], ['status', e.status], ['evidence', String(e.evidence_count)],
      ['seen', e.first_seen === e.last_seen ? e.first_seen : e.first_seen + ' \u2013 ' + e.last_seen]]));
    const evidence = e.evidence || (api ? (await getJson('evidence?id=' + encodeURIComponent(id))).evidence : []);
    box.append(el('h2', 'evidence (' + evidence.length + ')'));
    for (const ev of evidence) {
      const div = el('div', null, 'evidence');
      div.append(el('div', '\u201C' + ev.sentence + '\u201D', 'sentence'));
      const meta = el('div', [ev.date || 'undated', ev.doc, ev.status, 'confidence ' + Number(ev.confidence).toFixed(2)].join(' \u00B7 '), 'meta');
      const url = webUrl(ev.url);
      if (url) {
        const a = el('a', 'article');
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        meta.append(el('span', ' \u00B7 '), a);
      }
      div.append(meta);
      box.append(div);
    }
  }

  // ---- search
  function searchLocal(q) {
    const k = key(q);
    if (!k) return [];
    const degree = new Map();
    for (const e of data.edges) for (const v of [e.source, e.target]) degree.set(v, (degree.get(v) || 0) + 1);
    // As the server ranks: whole name or alias, then its start, then inside.
    const rank = (n) => Math.min(...[n.name, ...(n.aliases || [])].map(key)
      .map((a) => (a === k ? 0 : a.startsWith(k) ? 1 : a.includes(k) ? 2 : 3)));
    return data.nodes
      .map((n) => ({ id: n.id, name: n.name, kind: n.kind, degree: degree.get(n.id) || 0, rank: rank(n) }))
      .filter((n) => n.rank < 3)
      .sort((a, b) => a.rank - b.rank || b.degree - a.degree || (a.name < b.name ? -1 : 1))
      .slice(0, 20);
  }

  let searches = 0;
  async function search() {
    const q = $('search').value;
    const mine = ++searches;
    const hits = api ? (q.trim() ? await getJson('search?q=' + encodeURIComponent(q)) : []) : searchLocal(q);
    if (mine !== searches) return; // a later keystroke's answer wins, whichever arrives first
    const list = $('results');
    clear(list);
    for (const h of hits) {
      const li = el('li', h.name + ' (' + h.kind + ', ' + h.degree + ')');
      li.dataset.id = h.id;
      li.addEventListener('click', () => {
        if (!nodeById.has(h.id)) nodeById.set(h.id, { id: h.id, name: h.name, kind: h.kind });
        focusOn(h.id);
        if (!api) showNode(h.id);
      });
      list.append(li);
    }
    explorer.searched = hits.length;
  }

  function report(err) { $('counts').textContent = 'error: ' + err.message; }

  function wire() {
    $('search').addEventListener('input', () => search().catch(report));
    $('depth').addEventListener('change', () => { state.depth = Number($('depth').value); if (state.focus) focusOn(state.focus); });
    $('clear-focus').addEventListener('click', () => {
      explorer.ready = false;
      state.focus = null;
      $('focus-name').textContent = 'none';
      if (api) getJson('graph').then(load).catch(report); else apply(true);
    });
    $('show-competition').addEventListener('change', () => { state.competition = $('show-competition').checked; apply(); });
    $('date-from').addEventListener('change', () => { state.from = $('date-from').value; apply(); });
    $('date-to').addEventListener('change', () => { state.to = $('date-to').value; apply(); });
  }

  async function start() {
    wire();
    const first = api ? await getJson('graph') : boot;
    data = first;
    buildFilters();
    load(first);
  }
  start().catch(report);
})();
