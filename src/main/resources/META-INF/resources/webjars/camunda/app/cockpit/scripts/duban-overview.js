// 督办总览: the Cockpit page for leaders, 依法治区办 and administrators (a unit's user sees only his unit). Registered
// through customScripts in config.js. It reads /camunda/api/cockpit/plugin/duban-overview/… with the Cockpit session
// (no second login, no password here). Every text from plans, units and reports is set with textContent, never as
// HTML, so nothing a clerk or a plan wrote can become markup.

const STATUSES = [
  ['ASSIGNED', '待报送'], ['REPORTED', '已报送'], ['RETURNED', '被退回'],
  ['APPROVED', '审核通过'], ['RECTIFYING', '整改中'], ['CLOSED', '已办结']
];
const LEVELS = ['约谈', '通报', '挂牌督办', '警示', '提醒'];
const LIGHTS = {
  red: { name: '红灯', color: '#d9534f' },
  yellow: { name: '黄灯', color: '#f0ad4e' },
  green: { name: '绿灯', color: '#5cb85c' }
};

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'style') {
      Object.assign(element.style, value);
    } else if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null) {
      element.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child === null || child === undefined) {
      return;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return element;
}

function light(value) {
  const shown = LIGHTS[value] || LIGHTS.green;
  return el('span', { class: 'duban-light duban-light-' + value, title: shown.name },
    el('span', { style: { display: 'inline-block', width: '12px', height: '12px', borderRadius: '6px',
      background: shown.color, marginRight: '4px', verticalAlign: 'middle' } }),
    shown.name);
}

function beijing(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A table whose columns sort on a click: each column gives its header, its cell and its sort value. */
function sortableTable(className, columns, rows) {
  let sortBy = null;
  let ascending = true;
  const body = el('tbody');
  const draw = () => {
    body.textContent = '';
    const sorted = rows.slice();
    if (sortBy !== null) {
      const key = columns[sortBy].sort;
      sorted.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return ascending ? order : -order;
      });
    }
    sorted.forEach(row => body.appendChild(el('tr', {}, columns.map(c => el('td', {}, c.cell(row))))));
  };
  const head = el('tr', {}, columns.map((column, index) => el('th', {
    style: { cursor: 'pointer', whiteSpace: 'nowrap' }, title: '点击排序',
    onclick: () => {
      ascending = sortBy === index ? !ascending : true;
      sortBy = index;
      draw();
    }
  }, column.header)));
  draw();
  return el('table', { class: 'table table-condensed table-striped cam-table ' + className }, el('thead', {}, head), body);
}

const LIGHT_ORDER = { red: 2, yellow: 1, green: 0 };

function unitTable(overview) {
  const columns = [
    { header: '红黄绿灯', cell: u => light(u.light), sort: u => LIGHT_ORDER[u.light] },
    { header: '承办单位', cell: u => u.unit, sort: u => u.unit },
    { header: '工作事项', cell: u => u.total, sort: u => u.total }
  ];
  STATUSES.forEach(([status, name]) => columns.push({ header: name, cell: u => u.counts[status], sort: u => u.counts[status] }));
  columns.push({ header: '逾期', cell: u => u.overdue, sort: u => u.overdue });
  LEVELS.forEach(level => columns.push({ header: level, cell: u => u.openEscalations[level] || 0,
    sort: u => u.openEscalations[level] || 0 }));
  columns.push({ header: '得分', cell: u => (u.score === null || u.score === undefined ? '—' : u.score),
    sort: u => (u.score === null || u.score === undefined ? -1 : u.score) });
  return sortableTable('duban-units', columns, overview.byUnit);
}

function chapterTable(overview) {
  const columns = [
    { header: '红黄绿灯', cell: c => light(c.light), sort: c => LIGHT_ORDER[c.light] },
    { header: '章节', cell: c => c.chapter + (c.title ? '、' + c.title : ''), sort: c => c.chapter },
    { header: '工作事项', cell: c => c.total, sort: c => c.total }
  ];
  STATUSES.forEach(([status, name]) => columns.push({ header: name, cell: c => c.counts[status], sort: c => c.counts[status] }));
  columns.push({ header: '逾期', cell: c => c.overdue, sort: c => c.overdue });
  return sortableTable('duban-chapters', columns, overview.byChapter);
}

function escalationGroups(overview) {
  const all = overview.openEscalations.reduce((n, group) => n + group.escalations.length, 0);
  if (all === 0) {
    return el('p', { class: 'duban-no-escalations' }, '本轮没有未办结的督办升级。');
  }
  return el('div', {}, overview.openEscalations.filter(group => group.escalations.length > 0).map(group =>
    el('div', { class: 'duban-escalation-group' },
      el('h4', {}, group.level + '（' + group.escalations.length + '）'),
      el('table', { class: 'table table-condensed cam-table' },
        el('thead', {}, el('tr', {}, ['任务编号', '承办单位', '逾期工作日', '督办起始', '流程实例'].map(h => el('th', {}, h)))),
        el('tbody', {}, group.escalations.map(e => el('tr', { class: 'duban-escalation' },
          el('td', {}, '第 ' + e.taskNo + ' 项'),
          el('td', {}, e.unit),
          el('td', {}, e.daysOverdue),
          el('td', {}, beijing(e.since)),
          el('td', {}, e.processInstanceId
            ? el('a', { class: 'duban-instance-link', href: '#/process-instance/' + encodeURIComponent(e.processInstanceId) + '/runtime' }, '查看流程实例')
            : '—'))))))));
}

function render(node, api, full) {
  const base = api.cockpitApi + '/plugin/duban-overview/' + encodeURIComponent(api.engine);
  const state = { roundId: null, year: null };
  const root = el('div', { class: 'duban-overview', style: { padding: full ? '15px' : '0' } });
  node.textContent = '';
  node.appendChild(root);

  const load = () => {
    const query = [];
    if (state.roundId) {
      query.push('roundId=' + encodeURIComponent(state.roundId));
    }
    if (state.year) {
      query.push('year=' + encodeURIComponent(state.year));
    }
    root.textContent = '';
    root.appendChild(el('p', {}, '正在加载督办总览……'));
    fetch(base + '/overview' + (query.length ? '?' + query.join('&') : ''), {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    }).then(response => response.json().then(body => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) {
          throw new Error(body && body.message ? body.message : '督办总览加载失败');
        }
        draw(body);
      })
      .catch(error => {
        root.textContent = '';
        root.appendChild(el('div', { class: 'alert alert-danger' }, '督办总览加载失败：' + error.message));
      });
  };

  const draw = overview => {
    root.textContent = '';
    const title = el('h3', { class: 'duban-title' }, '督办总览');
    if (!full) {
      title.appendChild(el('small', { style: { marginLeft: '12px' } }, el('a', { href: '#/duban-overview' }, '全屏查看')));
    }
    root.appendChild(title);
    if (!overview.round) {
      root.appendChild(el('p', {}, '还没有督办轮次。'));
      return;
    }
    const rounds = el('select', { class: 'form-control duban-round', style: { display: 'inline-block', width: 'auto' },
      onchange: event => { state.roundId = event.target.value; state.year = null; load(); } },
      overview.rounds.map(r => {
        const option = el('option', { value: r.id }, r.label + '（截止 ' + beijing(r.reportDue) + (r.status === 'CLOSED' ? '，已结束' : '') + '）');
        option.selected = r.id === overview.round.id;
        return option;
      }));
    const years = el('select', { class: 'form-control duban-year', style: { display: 'inline-block', width: 'auto' },
      onchange: event => { state.year = event.target.value; state.roundId = overview.round.id; load(); } },
      overview.years.map(y => {
        const option = el('option', { value: y }, y + '年');
        option.selected = y === overview.year;
        return option;
      }));
    root.appendChild(el('div', { class: 'form-inline', style: { marginBottom: '10px' } },
      el('label', { style: { marginRight: '6px' } }, '督办轮次'), rounds,
      el('label', { style: { margin: '0 6px 0 16px' } }, '考核年度'), years,
      el('a', { class: 'btn btn-default duban-ledger', style: { marginLeft: '16px' },
        href: base + '/rounds/' + encodeURIComponent(overview.round.id) + '/ledger.xlsx' }, '下载本轮台账（Excel）'),
      overview.seesAll
        ? el('a', { class: 'btn btn-default duban-annual-report', style: { marginLeft: '8px' },
          href: base + '/reports/annual/' + encodeURIComponent(overview.year) + '.docx' }, '下载' + overview.year + '年度报告（Word）')
        : null));
    root.appendChild(el('p', { class: 'duban-totals' }, light(overview.light), '　工作事项 ' + overview.total + ' 项，其中 ',
      STATUSES.map(([status, name]) => name + ' ' + overview.counts[status] + '，').join(''), '逾期 ' + overview.overdue + ' 项。'));
    root.appendChild(el('h4', {}, '各承办单位（得分为' + overview.year + '年考核得分）'));
    root.appendChild(unitTable(overview));
    root.appendChild(el('h4', {}, '未办结的督办升级'));
    root.appendChild(escalationGroups(overview));
    root.appendChild(el('h4', {}, '各章节'));
    root.appendChild(chapterTable(overview));
  };

  load();
}

export default [
  {
    id: 'duban-overview-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, { api }) => render(node, api, false)
  },
  {
    id: 'duban-overview-route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/duban-overview', label: '督办总览' },
    render: (node, { api }) => render(node, api, true)
  },
  {
    id: 'duban-overview-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: { pagePath: '#/duban-overview', label: '督办总览', checkActive: path => path.indexOf('#/duban-overview') > -1 }
  }
];
