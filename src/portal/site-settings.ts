/**
 * What a government website must show in its footer and meta tags (国办发〔2017〕47号, 国办秘函〔2019〕19号;
 * spec portal-and-security.md A5 items 20–22): who runs the site, how to reach them, its 网站标识码 and its
 * ICP and 公安机关 filing numbers linked to the registries, and the 我为政府网站找错 entry. Set per installation
 * (src/config.ts, GONGKAI_SITE_*); the defaults are plainly demo values.
 */

/** The site's identity and footer. */
export interface SiteSettings {
  /** 网站名称 (SiteName), e.g. 威海市环翠区人民政府. */
  name: string;
  /** 网站域名 (SiteDomain), e.g. www.huancui.gov.cn. */
  domain: string;
  /** 网站标识码 (SiteIDCode): 10 digits, or bm + 8 digits for State Council departments. */
  idCode: string;
  /** 主办单位. */
  sponsor: string;
  /** 承办单位. */
  operator: string;
  /** 联系地址. */
  address: string;
  /** 联系电话. */
  phone: string;
  /** ICP备案号, e.g. 鲁ICP备05012345号. */
  icp: string;
  /** 公安机关备案号, e.g. 鲁公网安备 37100202000123号 (the digits are the record code of the registry link). */
  police: string;
  /** The 我为政府网站找错 link (the national platform's entry for this site). */
  errorReportUrl: string;
}

/** Plainly demo values: an installation sets its own (README, 网站信息配置). */
export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  name: '威海市环翠区人民政府（演示）',
  domain: 'www.example.gov.cn',
  idCode: '3710020000',
  sponsor: '威海市环翠区人民政府办公室（演示）',
  operator: '威海市环翠区大数据中心（演示）',
  address: '山东省威海市环翠区示例路 1 号',
  phone: '0631-0000000',
  icp: '鲁ICP备00000000号',
  police: '鲁公网安备 37100202000000号',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=3710020000',
};

/** The 公安机关 registry's link for a filing number (its digits are the record code). */
export function policeRecordHref(police: string): string {
  const code = police.replace(/\D/g, '');
  return `https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${code}`;
}

/** The ICP registry (工业和信息化部 ICP/IP地址/域名信息备案管理系统). */
export const ICP_REGISTRY_HREF = 'https://beian.miit.gov.cn/';
