// 单位目录管理：调用 /api/units。所有来自服务器的文字都用 textContent 写入页面，不当作 HTML。
(function () {
  'use strict';
  var credentials = null;

  function $(id) { return document.getElementById(id); }

  function show(text, ok) {
    var message = $('message');
    message.textContent = text;
    message.className = ok ? 'ok' : 'error';
  }

  function call(method, path, body) {
    var headers = { 'Authorization': 'Basic ' + credentials, 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, { method: method, headers: headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            throw new Error(json.message || ('请求失败（' + response.status + '）'));
          }
          return json;
        });
      });
  }

  function splitAliases(text) {
    return (text || '').split(/[、，,;；\n]/).map(function (a) { return a.trim(); })
      .filter(function (a) { return a.length > 0; });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function button(parent, label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', action);
    parent.appendChild(b);
    return b;
  }

  function render(units) {
    var body = $('units');
    body.textContent = '';
    $('count').textContent = String(units.length);
    units.forEach(function (unit) {
      var row = document.createElement('tr');
      row.id = 'unit-' + unit.code;
      if (unit.retired) {
        row.className = 'retired';
      }
      cell(row, unit.code);
      cell(row, unit.name);
      cell(row, unit.kindLabel);
      cell(row, (unit.aliases || []).join('、'));
      cell(row, unit.retired ? '已撤销' : '在用');
      var actions = cell(row, '');
      if (!unit.retired) {
        button(actions, '改名', function () {
          var name = window.prompt('“' + unit.name + '”的新名称（原名称会保留为别名）：', unit.name);
          if (name !== null && name.trim() && name.trim() !== unit.name) {
            change(call('PUT', '/api/units/' + encodeURIComponent(unit.code), { name: name.trim() }), '已改名');
          }
        });
        button(actions, '别名', function () {
          var aliases = window.prompt('“' + unit.name + '”的全部别名（用顿号分隔；删去的别名将被移除）：',
            (unit.aliases || []).join('、'));
          if (aliases !== null) {
            change(call('PUT', '/api/units/' + encodeURIComponent(unit.code), { aliases: splitAliases(aliases) }),
              '别名已保存');
          }
        });
        button(actions, '撤销', function () {
          if (window.confirm('撤销“' + unit.name + '”？撤销后不再分配新任务，已有待办仍由它办完。')) {
            change(call('POST', '/api/units/' + encodeURIComponent(unit.code) + '/retire', {}), '已撤销');
          }
        });
      }
      body.appendChild(row);
    });
  }

  function load() {
    return call('GET', '/api/units').then(render);
  }

  function change(request, done) {
    request.then(function (unit) {
      show(done + '：' + unit.name + '（' + unit.code + '）', true);
      return load();
    }).catch(function (e) { show(e.message, false); });
  }

  $('login-button').addEventListener('click', function () {
    var user = $('user').value.trim();
    credentials = btoa(unescape(encodeURIComponent(user + ':' + $('password').value)));
    load().then(function () {
      $('login').hidden = true;
      $('directory').hidden = false;
      $('who').textContent = '当前用户：' + user;
    }).catch(function (e) {
      credentials = null;
      window.alert(e.message);
    });
  });

  $('add-form').addEventListener('submit', function (event) {
    event.preventDefault();
    change(call('POST', '/api/units', {
      code: $('add-code').value.trim(), name: $('add-name').value.trim(), kind: $('add-kind').value,
      aliases: splitAliases($('add-aliases').value)
    }), '已新增');
  });
}());
