/**
 * Help text of `gongkai catalogue` (kept apart from the commands so the dispatcher loads no database code for it).
 */
export const CATALOGUE_USAGE = `用法：gongkai catalogue <子命令> [参数]

  gongkai catalogue show --agency 名称|编号 [--published] [--details]
      显示机关的主动公开基本目录（编辑中的目录树；--published：最近发布的版本），
      列出类目编号、名称及对应的条例第二十条事项；--details 同时列出基层目录的公开要素。

  gongkai catalogue apply-template --agency 名称|编号 --template seed|basic-26
      套用目录模板：seed 为本局默认目录（机构职能、工作资讯、政策法规、业务工作、统计数据、信息公开年报），
      basic-26 为基层政务公开标准目录（26 个试点领域，供县级和乡镇机关选用）。
      目录为空时整体套用；已有目录时按名称合并，同名类目保留不变。`;
