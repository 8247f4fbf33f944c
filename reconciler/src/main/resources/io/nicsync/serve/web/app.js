// nicsync serve's page: reads the JSON API under /api/v1/ every few seconds and draws it. Every value from the
// API goes into the page as text (textContent, text nodes, data-* attributes), never as HTML: VM and NIC names
// come from live systems.
'use strict';
(function () {
  const POLL_MS = 5000;
  const etags = {};

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'class') e.className = v; else e.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
    }
    return e;
  }

  function replace(id, ...children) {
    const box = document.getElementById(id);
    box.replaceChildren(...children);
  }

  async function get(path) {
    const headers = {};
    if (etags[path]) headers['If-None-Match'] = etags[path];
    const r = await fetch(path, { headers: headers, cache: 'no-store' });
    if (r.status === 304) return null;
    if (!r.ok) throw new Error(path + ' answered ' + r.status);
    etags[path] = r.headers.get('ETag');
    return r.json();
  }

  function shortCommit(c) { return c ? c.substring(0, 12) : '–'; }
  function time(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–'; }
  function outcome(label) { return el('span', { class: 'outcome', 'data-outcome': label }, label); }

  function drawCycle(c) {
    if (!c) return;
    const parts = [el('span', null, 'Last cycle: '), outcome(c.outcome),
      el('span', null, ' at ' + time(c.finishedAt) + ', commit '), el('code', null, shortCommit(c.commit))];
    if (c.signedBy) parts.push(el('span', null, ', signed by ' + c.signedBy));
    if (c.error) parts.push(el('div', { class: 'error' }, c.error));
    replace('cycle', ...parts);
  }

  function nicsTable(nics) {
    const rows = nics.map(n => el('tr', { class: n.differs ? 'differs' : null, 'data-nic': n.name },
      el('td', { class: 'mono' }, n.name),
      el('td', null, n.desired === null ? 'not in Git' : n.desired),
      el('td', null, n.live === null ? 'not plugged' : n.live)));
    return el('table', { class: 'nics' },
      el('tr', null, el('th', null, 'NIC'), el('th', null, 'desired (Git)'), el('th', null, 'live')), ...rows);
  }

  function vmRow(vm) {
    const last = vm.lastResult ? el('div', null, vm.lastResult.outcome, el('div', { class: 'muted' }, time(vm.lastResult.at))) : '–';
    const steps = vm.steps.concat(vm.notes);
    return el('tr', { 'data-vm': vm.vm },
      el('td', null, el('div', { class: 'mono vm-name' }, vm.name), vm.namespace ? el('div', { class: 'muted' }, vm.namespace) : null,
        el('div', { class: 'muted' }, vm.power)),
      el('td', null, el('span', { class: 'state', 'data-state': vm.state }, vm.stateText)),
      el('td', null, nicsTable(vm.nics)),
      el('td', null, steps.length ? el('pre', { class: 'steps' }, steps.join('\n')) : el('span', { class: 'muted' }, 'no changes')),
      el('td', { class: 'last-result' }, last));
  }

  function drawTargets(targets) {
    if (!targets.length) return;
    const blocks = [];
    for (const t of targets) {
      blocks.push(el('h3', null, 'Target ' + t.name + ' ', el('span', { class: 'muted' }, '(' + (t.kind || '?') + ')' + (t.planned ? '' : ', not planned by this replica'))));
      if (!t.vms.length) { blocks.push(el('p', { class: 'muted' }, 'No VM planned.')); continue; }
      blocks.push(el('table', { 'data-target': t.name },
        el('tr', null, ...['VM', 'state', 'NICs', 'plan', 'last apply'].map(h => el('th', null, h))),
        ...t.vms.map(vmRow)));
    }
    replace('targets', ...blocks);
  }

  function stepsTable(steps) {
    if (!steps.length) return null;
    return el('table', { class: 'steps' },
      el('tr', null, ...['VM', 'step', 'outcome', 'started', 'took'].map(h => el('th', null, h))),
      ...steps.map(s => el('tr', { class: 'step', 'data-outcome': s.outcome },
        el('td', { class: 'mono' }, s.vm || ''), el('td', null, s.step, s.error ? el('div', { class: 'error' }, s.error) : null),
        el('td', null, outcome(s.outcome)), el('td', null, time(s.startedAt)),
        el('td', null, s.seconds === null || s.seconds === undefined ? '–' : s.seconds.toFixed(1) + ' s'))));
  }

  function drawRuns(runs) {
    if (!runs.length) return;
    replace('runs', ...runs.map(r => el('div', { class: 'run', 'data-outcome': r.outcome },
      el('div', { class: 'summary' }, outcome(r.outcome), el('span', null, time(r.finishedAt)),
        el('span', null, 'commit ', el('code', null, shortCommit(r.commit))),
        r.signedBy ? el('span', null, 'signed by ' + r.signedBy) : el('span', { class: 'muted' }, 'unsigned or not checked'),
        el('span', null, r.durationSeconds.toFixed(1) + ' s'),
        el('span', null, r.changedVms + ' VM(s) to change' + (r.drift ? ' (drift)' : '')),
        r.apply ? el('span', null, r.apply.summary) : null),
      r.error ? el('div', { class: 'error' }, r.error) : null,
      stepsTable(r.steps || []))));
  }

  async function refresh() {
    try {
      const fleet = await get('/api/v1/fleet');
      if (fleet) {
        document.getElementById('run-now').hidden = !fleet.runNow;
        drawCycle(fleet.lastCycle);
        drawTargets(fleet.targets);
        document.getElementById('plan').textContent = fleet.plan || '';
        document.body.dataset.version = fleet.version;
      }
      const runs = await get('/api/v1/runs');
      if (runs) drawRuns(runs.runs);
      document.getElementById('updated').textContent = 'updated ' + new Date().toISOString().substring(11, 19) + 'Z';
    } catch (e) {
      document.getElementById('updated').textContent = 'cannot reach nicsync: ' + e.message;
    }
  }

  async function runNow() {
    const token = document.getElementById('run-token').value.trim();
    const answer = document.getElementById('run-answer');
    const headers = {};
    if (token) headers.Authorization = 'Bearer ' + token;
    try {
      const r = await fetch('/api/v1/run', { method: 'POST', headers: headers, cache: 'no-store' });
      const said = await r.json().catch(() => ({ error: 'answered ' + r.status }));
      answer.textContent = said.error || said.message || ('answered ' + r.status);
      answer.dataset.status = String(r.status);
      if (r.ok) setTimeout(refresh, 1000);
    } catch (e) {
      answer.textContent = 'cannot reach nicsync: ' + e.message;
      answer.dataset.status = 'error';
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('run-button').addEventListener('click', runNow);
    document.getElementById('run-token').addEventListener('keydown', e => { if (e.key === 'Enter') runNow(); });
    refresh();
    setInterval(refresh, POLL_MS);
  });
})();
