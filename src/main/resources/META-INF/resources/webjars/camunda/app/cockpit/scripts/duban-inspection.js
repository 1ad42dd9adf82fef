// 法治督办 · 督察: Cockpit view of 法治督察 coverage (registered in config.js under customScripts).
// A route (#/duban-inspection) with a header link 督察. Data comes from /camunda/duban/inspections/… with the Cockpit
// session. Every text from plans, units or inspections is put in with textContent, never as HTML.

var ROUTE = '/duban-inspection';
var SEVERITIES = ['严重', '一般'];
var LIGHTS = { green: '已覆盖', yellow: '未覆盖', red: '未覆盖（期限已不足四分之一）' };
var LIGHT_COLORS = { green: '#2e9d45', yellow: '#e0a400', red: '#d9363e' };

function appRoot() {
  var base = document.querySelector('base');
  var href = base ? base.getAttribute('href') : '/camunda/app/cockpit/default/';
  var at = href.indexOf('/app/');
  return at >= 0 ? href.substring(0, at) : '/camunda';
}

function el(tag, text, attributes) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.keys(attributes || {}).forEach(function (name) {
    node.setAttribute(name, attributes[name]);
  });
  return node;
}

function getJson(path) {
  return fetch(appRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error((body && body.message) || ('HTTP ' + response.status));
        }
        return body;
      });
    });
}

function percent(rate) {
  return (Math.round(rate * 1000) / 10).toFixed(1) + '%';
}

function light(color) {
  var dot = el('span', null, { class: 'duban-light duban-light-' + color, title: LIGHTS[color] || '' });
  dot.style.cssText = 'display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;'
    + 'vertical-align:middle;background:' + (LIGHT_COLORS[color] || '#999');
  return dot;
}

function instanceLink(processInstanceId, text) {
  return el('a', text, { href: '#/process-instance/' + encodeURIComponent(processInstanceId) + '/runtime' });
}

function table(headers) {
  var t = el('table', null, { class: 'table table-bordered table-condensed cam-table' });
  var head = el('thead');
  var row = el('tr');
  headers.forEach(function (h) { row.appendChild(el('th', h)); });
  head.appendChild(row);
  t.appendChild(head);
  t.appendChild(el('tbody'));
  return t;
}

function addRow(t, cells) {
  var row = el('tr');
  cells.forEach(function (cell) {
    var td = el('td');
    if (cell instanceof Node) {
      td.appendChild(cell);
    } else {
      td.textContent = cell === null || cell === undefined ? '' : String(cell);
    }
    row.appendChild(td);
  });
  t.tBodies[0].appendChild(row);
  return row;
}

function renderCoverage(container, coverage, inspections) {
  container.textContent = '';
  container.appendChild(el('h2', '法治督察覆盖情况'));
  container.appendChild(el('p', '任务分解方案：' + coverage.planTitle + '（期限 ' + coverage.periodFrom + ' 至 '
    + coverage.periodTo + '，剩余 ' + coverage.daysLeft + ' 天）', { class: 'duban-period' }));
  container.appendChild(el('p', '覆盖率：' + coverage.coveredUnits + ' / ' + coverage.unitsInScope + ' 个单位，'
    + percent(coverage.coverageRate), { class: 'duban-coverage-rate' }));

  container.appendChild(el('h3', '按单位类别'));
  var kinds = table(['单位类别', '单位数', '已覆盖', '覆盖率']);
  kinds.classList.add('duban-by-kind');
  coverage.byKind.forEach(function (k) {
    addRow(kinds, [k.kind, k.units, k.covered, percent(k.coverageRate)]);
  });
  container.appendChild(kinds);

  container.appendChild(el('h3', '未整改问题'));
  var open = table(SEVERITIES);
  open.classList.add('duban-open-findings');
  addRow(open, SEVERITIES.map(function (s) { return coverage.openFindingsBySeverity[s] || 0; }));
  container.appendChild(open);

  container.appendChild(el('h3', '各单位'));
  var units = table(['单位', '类别', '覆盖', '最近一次督察', '未整改问题（严重 / 一般）']);
  units.classList.add('duban-units');
  coverage.units.forEach(function (u) {
    var state = el('span');
    state.appendChild(light(u.light));
    state.appendChild(document.createTextNode(u.covered ? '已覆盖' : (u.inProgress ? '督察中' : '未覆盖')));
    var last = el('span');
    if (u.lastInspection) {
      var text = u.lastInspection.kind + '：' + u.lastInspection.topic + '（' + u.lastInspection.startedAt.substring(0, 10) + '）';
      last.appendChild(u.inProgress || u.openFindings > 0 ? instanceLink(u.lastInspection.processInstanceId, text)
        : document.createTextNode(text));
    } else {
      last.textContent = '—';
    }
    var severities = u.openFindingsBySeverity || {};
    addRow(units, [u.unit, u.kind, state, last, (severities['严重'] || 0) + ' / ' + (severities['一般'] || 0)])
      .setAttribute('data-unit', u.unitCode);
  });
  container.appendChild(units);

  var running = inspections.filter(function (i) { return i.status === 'OPEN'; });
  container.appendChild(el('h3', '进行中的督察'));
  if (!running.length) {
    container.appendChild(el('p', '没有进行中的督察。'));
  } else {
    var list = table(['督察', '被督察单位', '发起时间']);
    running.forEach(function (i) {
      addRow(list, [instanceLink(i.processInstanceId, i.kind + '：' + i.topic),
        i.units.map(function (u) { return u.unit; }).join('、'), i.startedAt.substring(0, 10)]);
    });
    container.appendChild(list);
  }
}

function renderView(node) {
  var container = el('div', '正在加载督察数据……', { class: 'duban-inspection' });
  container.style.cssText = 'padding: 15px 20px;';
  node.appendChild(container);
  Promise.all([getJson('/duban/inspections/coverage'), getJson('/duban/inspections')])
    .then(function (results) { renderCoverage(container, results[0], results[1]); })
    .catch(function (error) {
      container.textContent = '';
      container.appendChild(el('div', '督察数据加载失败：' + error.message, { class: 'alert alert-danger' }));
    });
}

export default [
  {
    id: 'duban.inspection.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '督察' },
    render: function (node) {
      renderView(node);
    }
  },
  {
    id: 'duban.inspection.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    checkActive: function (path) {
      return path.indexOf('#' + ROUTE) >= 0;
    },
    render: function (node) {
      node.appendChild(el('a', '督察', { href: '#' + ROUTE }));
    }
  }
];
