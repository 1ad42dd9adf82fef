// 法治督办: Tasklist offers 启动流程 and 创建任务 only to those who may use them. Both links stay hidden (see
// styles/user-styles.css) until the engine says that the logged-in user may start a process offered in Tasklist, or
// create a task; a unit's clerk may do neither and sees neither. Checked again whenever someone else logs in.
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const engineApi = `${appRoot}/api/engine/engine/default`;
let checkedFor = null;

async function getJson(path) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return response.ok ? response.json() : null;
}

async function mayStartAProcess() {
  const definitions = await getJson(`${engineApi}/process-definition?latestVersion=true&active=true`
    + '&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=1');
  return Array.isArray(definitions) && definitions.length > 0;
}

async function mayCreateATask() {
  const check = await getJson(`${engineApi}/authorization/check?permissionName=CREATE&resourceName=Task`
    + '&resourceType=7');
  return !!(check && (check.authorized || check.isAuthorized));
}

function show(className, visible) {
  document.body.classList.toggle(className, visible);
}

async function tidy() {
  const user = await getJson(`${appRoot}/api/admin/auth/user/default`).catch(() => null);
  const userId = user && user.userId;
  if (userId === checkedFor) {
    return;
  }
  checkedFor = userId;
  show('fd-may-start', false);
  show('fd-may-create-task', false);
  if (!userId) {
    return;
  }
  const [start, create] = await Promise.all([mayStartAProcess(), mayCreateATask()].map(p => p.catch(() => false)));
  if (checkedFor === userId) {
    show('fd-may-start', start);
    show('fd-may-create-task', create);
    document.body.dataset.fdTidiedFor = userId; // for the browser tests: the check is done
  }
}

window.addEventListener('hashchange', tidy);
tidy();

export default [];
