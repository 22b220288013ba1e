/**
 * A node of a catalogue template and the element fields of a 基层政务公开标准目录 entry (spec portal-and-security.md
 * A4 item 16: 名称、内容、依据、时限、主体、方式、渠道、公开对象), shared by the templates.
 */

/** The element fields of a 基层 catalogue entry (portal-and-security.md A4 item 16), stored as catalogue_nodes.details. */
export interface CatalogueEntryDetails {
  /** 公开内容（要素）. */
  content: string;
  /** 公开依据. */
  basis: string;
  /** 公开时限. */
  timeLimit: string;
  /** 公开主体. */
  subject: string;
  /** 公开渠道和载体: a selection of BASIC_CHANNELS. */
  channels: string[];
  /** 公开对象: 全社会 or 特定群体. */
  audience: '全社会' | '特定群体';
  /** 公开方式: 主动 or 依申请. */
  mode: '主动' | '依申请';
  /** 公开层级: 县级, 乡级 or both. */
  levels: Array<'县级' | '乡级'>;
}

/** The checkbox list of 公开渠道和载体 in the standard catalogue tables (A4 item 16). */
export const BASIC_CHANNELS = [
  '政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点', '政务服务中心', '便民服务站',
  '入户/现场', '社区/村公示栏（电子屏）', '精准推送', '其他',
] as const;

/** The usual 公开时限 (条例 Art. 26). */
export const DEFAULT_TIME_LIMIT = '信息形成或者变更之日起20个工作日内';

/** A node of a template: name, Art. 20 item, 基层 element fields, children. */
export interface TemplateNode {
  name: string;
  art20Item?: string;
  details?: CatalogueEntryDetails;
  children?: TemplateNode[];
}
