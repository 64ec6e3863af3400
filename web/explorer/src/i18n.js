// Interface text: Chinese by default, English on request (the choice is kept in localStorage).
// The API's own explanations (flag summaries, grade reasons) are asked for in the same language.

const TEXT = {
  zh: {
    title: "CreditGraph 关系图谱",
    searchPlaceholder: "搜索名称、统一社会信用代码或人员编号",
    noResults: "无结果",
    searching: "搜索中…",
    asOf: "时点",
    asOfAll: "全部时间",
    asOfClear: "清除",
    signIn: "登录",
    signOut: "退出",
    role: "角色",
    purpose: "用途",
    purposePlaceholder: "查阅个人信息的用途",
    tokenPrompt: "粘贴访问令牌（Bearer token）",
    save: "保存",
    cancel: "取消",
    fit: "适应画面",
    relayout: "重新布局",
    clear: "清空",
    exportPng: "导出 PNG",
    exportJson: "导出 JSON",
    language: "English",
    emptyCanvas: "搜索一个主体开始探索。点击节点展开其角色与持股关系。",
    more: "更多",
    moreCount: (n) => `还有 ${n} 项`,
    loadMore: "加载更多",
    expand: "展开",
    shown: (a, b) => `已显示 ${a} / ${b} 项关系`,
    pathFrom: "设为路径起点",
    pathTo: "设为路径终点",
    findPaths: "查找路径",
    pathsTitle: "路径",
    pathNone: "两者之间未找到路径（最多 4 跳）",
    pathPick: "请选择路径起点和终点",
    clearPath: "清除路径",
    identity: "身份",
    id: "编号",
    uscc: "统一社会信用代码",
    idMasked: "证件号码（脱敏）",
    kind: "类型",
    region: "地区",
    industry: "行业",
    status: "状态",
    registeredAt: "成立日期",
    personalData: "个人信息",
    birthDate: "出生日期",
    gender: "性别",
    address: "地址",
    phone: "电话",
    restricted: "受限",
    restrictedRole: "当前角色无权查看",
    restrictedPurpose: "需填写用途（X-Purpose）后查看",
    roles: "任职与持股",
    records: "信用记录",
    listEntries: "名单",
    flags: "惩戒标记",
    rule: "规则",
    legalBasis: "法律依据",
    source: "来源",
    path: "路径",
    showOnCanvas: "在图上显示",
    indicators: "风险提示",
    evidence: "证据",
    score: "分值",
    grade: "信用等级",
    deciding: "决定等级的记录",
    ownership: "股权与控制",
    owners: "最终受益所有人",
    share: "持股比例",
    ultimate: "最终",
    controller: "实际控制人",
    none: "无",
    loading: "加载中…",
    error: "出错了",
    since: "起",
    until: "至",
    current: "至今",
    ended: "已结束",
    notSignedIn: "公众（未登录）",
    decision: "决定",
    validity: "有效期",
    selectHint: "点击图中的主体查看详情",
    legendOrg: "组织",
    legendPerson: "自然人",
    legendListed: "在名单上",
    legendFlagged: "⚑ 惩戒标记",
    legendIndicator: "关联风险提示",
    legendEnded: "已结束的关系",
    kinds: {
      ENTERPRISE: "企业",
      INDIVIDUAL_BUSINESS: "个体工商户",
      NATURAL_PERSON: "自然人",
    },
    roleNames: {
      public: "公众",
      dashboard: "看板",
      investigator: "调查员",
      officer: "执法人员",
      analyst: "分析师",
      admin: "管理员",
    },
    recordTypes: {
      ADMIN_LICENSE: "行政许可",
      ADMIN_PENALTY: "行政处罚",
      ADMIN_ACTION: "行政强制",
      JUDICIAL: "司法裁判及执行",
      ARREARS: "欠缴",
      CONTRACT_BREACH: "合同违约",
      COMMITMENT: "信用承诺",
      HONOR: "表彰荣誉",
      INTERVIEW: "约谈记录",
      PERSON_DISHONESTY: "个人失信记录",
    },
    listTypes: {
      SERIOUS_DISHONESTY: "严重失信主体名单",
      JUDGMENT_DEFAULTER: "失信被执行人",
      KEY_ATTENTION: "重点关注对象名单",
      BUSINESS_ANOMALY: "经营异常名录",
      RED_LIST: "守信激励名单（红名单）",
    },
    relations: {
      LEGAL_REPRESENTATIVE_OF: "法定代表人",
      PRINCIPAL_OF: "主要负责人",
      ACTUAL_CONTROLLER_OF: "实际控制人",
      DIRECTOR_OF: "董事",
      SUPERVISOR_OF: "监事",
      SENIOR_MANAGER_OF: "高级管理人员",
      SHAREHOLDER_OF: "股东",
      BRANCH_OF: "分支机构",
      EMPLOYED_BY: "任职",
      DEBT_RESPONSIBLE_FOR: "债务直接责任人",
    },
  },
  en: {
    title: "CreditGraph explorer",
    searchPlaceholder: "Search name, USCC or person id",
    noResults: "No results",
    searching: "Searching…",
    asOf: "As of",
    asOfAll: "all time",
    asOfClear: "Clear",
    signIn: "Sign in",
    signOut: "Sign out",
    role: "Role",
    purpose: "Purpose",
    purposePlaceholder: "Purpose for reading personal data",
    tokenPrompt: "Paste an access token (bearer token)",
    save: "Save",
    cancel: "Cancel",
    fit: "Fit",
    relayout: "Re-layout",
    clear: "Clear",
    exportPng: "Export PNG",
    exportJson: "Export JSON",
    language: "中文",
    emptyCanvas: "Search for a subject to start. Click a node to expand its roles and holdings.",
    more: "more",
    moreCount: (n) => `${n} more`,
    loadMore: "Load more",
    expand: "Expand",
    shown: (a, b) => `${a} of ${b} relations shown`,
    pathFrom: "Path from here",
    pathTo: "Path to here",
    findPaths: "Find paths",
    pathsTitle: "Paths",
    pathNone: "No path between them (up to 4 hops)",
    pathPick: "Choose a start and an end for the path",
    clearPath: "Clear path",
    identity: "Identity",
    id: "Id",
    uscc: "USCC",
    idMasked: "ID number (masked)",
    kind: "Kind",
    region: "Region",
    industry: "Industry",
    status: "Status",
    registeredAt: "Registered",
    personalData: "Personal data",
    birthDate: "Birth date",
    gender: "Gender",
    address: "Address",
    phone: "Phone",
    restricted: "restricted",
    restrictedRole: "not visible to your role",
    restrictedPurpose: "state a purpose (X-Purpose) to see it",
    roles: "Roles and holdings",
    records: "Credit records",
    listEntries: "List entries",
    flags: "Sanction flags",
    rule: "Rule",
    legalBasis: "Legal basis",
    source: "Source",
    path: "Path",
    showOnCanvas: "Show on canvas",
    indicators: "Risk indicators",
    evidence: "Evidence",
    score: "Score",
    grade: "Credit grade",
    deciding: "Deciding records",
    ownership: "Ownership and control",
    owners: "Ultimate owners",
    share: "Share",
    ultimate: "ultimate",
    controller: "Actual controller",
    none: "None",
    loading: "Loading…",
    error: "Error",
    since: "from",
    until: "to",
    current: "current",
    ended: "ended",
    notSignedIn: "public (not signed in)",
    decision: "Decision",
    validity: "Valid",
    selectHint: "Click a subject on the canvas to see its details",
    legendOrg: "organisation",
    legendPerson: "person",
    legendListed: "on a list",
    legendFlagged: "⚑ sanction flag",
    legendIndicator: "linked-risk indicator",
    legendEnded: "ended relation",
    kinds: {
      ENTERPRISE: "enterprise",
      INDIVIDUAL_BUSINESS: "individual business",
      NATURAL_PERSON: "person",
    },
    roleNames: {
      public: "public",
      dashboard: "dashboard",
      investigator: "investigator",
      officer: "officer",
      analyst: "analyst",
      admin: "admin",
    },
    recordTypes: {
      ADMIN_LICENSE: "administrative licence",
      ADMIN_PENALTY: "administrative penalty",
      ADMIN_ACTION: "administrative enforcement",
      JUDICIAL: "judgment and enforcement",
      ARREARS: "arrears",
      CONTRACT_BREACH: "breach of contract",
      COMMITMENT: "credit commitment",
      HONOR: "honour",
      INTERVIEW: "interview",
      PERSON_DISHONESTY: "personal dishonesty record",
    },
    listTypes: {
      SERIOUS_DISHONESTY: "serious dishonesty list",
      JUDGMENT_DEFAULTER: "dishonest judgment debtors",
      KEY_ATTENTION: "key attention list",
      BUSINESS_ANOMALY: "business anomaly list",
      RED_LIST: "red list",
    },
    relations: {
      LEGAL_REPRESENTATIVE_OF: "legal representative",
      PRINCIPAL_OF: "principal",
      ACTUAL_CONTROLLER_OF: "actual controller",
      DIRECTOR_OF: "director",
      SUPERVISOR_OF: "supervisor",
      SENIOR_MANAGER_OF: "senior manager",
      SHAREHOLDER_OF: "shareholder",
      BRANCH_OF: "branch",
      EMPLOYED_BY: "employed",
      DEBT_RESPONSIBLE_FOR: "debt responsible",
    },
  },
};

let current = localStorage.getItem("cg.lang") === "en" ? "en" : "zh";

export function lang() {
  return current;
}

/** The API's `Lang` enum value for the current language. */
export function apiLang() {
  return current === "en" ? "EN" : "ZH";
}

export function setLang(value) {
  current = value === "en" ? "en" : "zh";
  localStorage.setItem("cg.lang", current);
  document.documentElement.lang = current === "en" ? "en" : "zh-CN";
}

/** The text for `key`; a function entry is called with `args`. */
export function t(key, ...args) {
  const value = TEXT[current][key] ?? TEXT.zh[key] ?? key;
  return typeof value === "function" ? value(...args) : value;
}

export function relationName(role) {
  return TEXT[current].relations[role] ?? role;
}

export function recordTypeName(type) {
  return TEXT[current].recordTypes[type] ?? type;
}

export function listTypeName(type) {
  return TEXT[current].listTypes[type] ?? type;
}

export function kindName(kind) {
  return TEXT[current].kinds[kind] ?? kind ?? "";
}

export function roleName(role) {
  return TEXT[current].roleNames[role] ?? role;
}

/** "2019-03-01 起" / "2003-06-18 – 2019-02-28" */
export function period(from, to) {
  if (from && to) return `${from} – ${to}`;
  if (from) return current === "en" ? `from ${from}` : `${from} 起`;
  if (to) return current === "en" ? `until ${to}` : `至 ${to}`;
  return "";
}

/** Apply the text to every element carrying data-i18n / data-i18n-placeholder. */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  document.title = t("title");
}
