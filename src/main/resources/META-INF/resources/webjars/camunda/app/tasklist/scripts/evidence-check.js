// 法治督办: the check of 佐证材料 (evidence files) that every embedded form with file fields runs in the browser, one
// copy for all of them: progress-report, rectify, self-inspection and finding-rectify call
// window.fazhiDuban.checkEvidence(camForm, $scope) from their form script. Type by extension and size up to 20 MB,
// with a Chinese message under the field; a file field left empty is not submitted, so a file already uploaded stays.
// The server checks the same again by content (cn.fazhiduban.security.EvidenceFiles): this is for the clerk's
// convenience, not the guard.
const EVIDENCE_MAX_BYTES = 20971520;
const EVIDENCE_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'zip'];

function checkEvidence(camForm, $scope) {
  var evidenceFormName = camForm.formElement.attr('name');
  $scope.evidenceErrors = {};
  $scope.evidenceExisting = {};

  function evidenceInputs() {
    return camForm.formElement[0].querySelectorAll('input[type="file"][cam-variable-name]');
  }

  function evidenceProblem(file) {
    if (!file) {
      return null;
    }
    var dot = file.name.lastIndexOf('.');
    var ext = dot < 0 ? '' : file.name.substring(dot + 1).toLowerCase();
    if (EVIDENCE_TYPES.indexOf(ext) < 0) {
      return '“' + file.name + '”的类型不支持，只能上传 ' + EVIDENCE_TYPES.join('、') + ' 文件。';
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      return '“' + file.name + '”有 ' + (file.size / 1048576).toFixed(1) + ' MB，超过 20 MB，请压缩或拆分后再上传。';
    }
    if (file.size === 0) {
      return '“' + file.name + '”是空文件，请重新选择。';
    }
    return null;
  }

  function checkAll() {
    var inputs = evidenceInputs();
    var form = $scope[evidenceFormName];
    var ok = true;
    for (var i = 0; i < inputs.length; i++) {
      var name = inputs[i].getAttribute('cam-variable-name');
      var problem = evidenceProblem(inputs[i].files && inputs[i].files[0]);
      $scope.evidenceErrors[name] = problem;
      if (form && form[inputs[i].name]) {
        form[inputs[i].name].$setValidity('evidenceFile', !problem);
      }
      ok = ok && !problem;
    }
    return ok;
  }

  camForm.on('form-loaded', function () {
    var inputs = evidenceInputs();
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].addEventListener('change', function () {
        $scope.$evalAsync(checkAll);
      });
    }
  });

  camForm.on('variables-fetched', function () {
    var inputs = evidenceInputs();
    for (var i = 0; i < inputs.length; i++) {
      var variable = camForm.variableManager.variable(inputs[i].getAttribute('cam-variable-name'));
      if (!variable) {
        continue;
      }
      if (variable.valueInfo && variable.valueInfo.filename) {
        $scope.evidenceExisting[variable.name] = variable.valueInfo.filename;
      }
      // 没有选新文件时不提交该变量：已上传的文件保留，也不产生空文件变量
      variable.originalValue = '';
    }
  });

  camForm.on('submit', function () {
    if (!checkAll()) {
      camForm.submitPrevented = true;
    }
  });
}

window.fazhiDuban = Object.assign(window.fazhiDuban || {}, {checkEvidence});
