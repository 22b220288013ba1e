/**
 * 事项取消 on the matter screen: the button that drafts the abolition with its reason (a version of its own that goes
 * through 初审、保密审查、核审签发 and is published like any change), and the notices while it is in the chain and
 * once it is in force (the guide's page, which printed QR codes still open, then says when and why).
 */
import { Alert } from 'antd';
import { matterApi, type MatterViewResponse } from '../matter-api.js';
import { ReasonDialogButton } from './reason-dialog-button.js';

/** Whether the matter may be abolished now: published, not abolished, no abolition drafted, not with the reviewers. */
export function mayAbolish(view: MatterViewResponse): boolean {
  return view.publishedVersion !== null && view.abolished === null && view.abolition === null && ['draft', 'returned', 'published'].includes(view.state);
}

/** The 取消事项 button and its dialog. */
export function AbolishButton({ agencyId, view, onDone }: { agencyId: number; view: MatterViewResponse; onDone: (v: MatterViewResponse) => void }) {
  return (
    <ReasonDialogButton button="取消事项" danger title="取消事项" okText="生成取消版本" fieldId="abolish-reason"
      intro={<>以已发布的第 {view.publishedVersion} 版为基础生成取消版本，须经初审、保密审查、核审签发后发布。发布之日起，门户网站不再列出该事项，
        其办事指南页面（含已张贴的二维码所指向的页面）说明取消日期和理由，办理方式占比等统计自该日起不再计入。</>}
      label="取消理由（至少 4 个字，将在办事指南页面公开，如：依据哪一文件取消）" failed="未能生成取消版本" success="已生成取消版本：请提交审核，签发并发布后生效"
      act={async (reason) => onDone(await matterApi.abolish(agencyId, view.id, view.version, reason))} />
  );
}

/** The abolition notices of a matter (nothing for a matter neither abolished nor being abolished). */
export function AbolitionNotes({ view }: { view: MatterViewResponse }) {
  if (view.abolished) {
    return <Alert className="gk-gap" type="error" showIcon title={`本事项已于 ${view.abolished.on} 取消（取消理由：${view.abolished.reason}）`}
      description="门户网站不再列出该事项，其办事指南页面说明取消日期和理由；请撤下大厅和窗口张贴的二维码。" />;
  }
  if (view.abolition) {
    return <Alert className="gk-gap" type="warning" showIcon title={`第 ${view.version} 版为取消版本（取消理由：${view.abolition.reason}）`}
      description={`经初审、保密审查、核审签发并发布后生效；此前门户网站仍显示已发布的第 ${view.publishedVersion} 版。如不再取消，修改并保存事项即生成新的普通版本。`} />;
  }
  return null;
}
