import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { Finding, ItemDetail, ReviewBody } from '../disclosure-types.js';
import { installMatchMedia } from '../test-fixtures.js';
import { SecrecyReviewPanel } from './secrecy-review-panel.js';
import { ReviewDecision } from './review-decision.js';
import { channelsToOffer } from './publish-panel.js';

const item = { id: 9, version: 2, title: '关于公布行政许可事项清单的通知', publications: [] } as unknown as ItemDetail;
const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 1, version: 2, source: 'body', sourceName: '正文', kind: 'id-number', kindName: '居民身份证号码', place: '第 3 段', excerpt: '3710**********1234',
  resolution: null, resolutionName: null, reason: null, resolvedBy: null, resolvedAt: null, ...over,
});

beforeAll(installMatchMedia);
afterEach(() => { cleanup(); vi.restoreAllMocks(); });

function answer(name: string, value: '是' | '否') {
  const group = screen.getByRole('radiogroup', { name });
  fireEvent.click(within(group).getByLabelText(value));
}

describe('SecrecyReviewPanel', () => {
  it('keeps 通过 off while a finding is open, then until the form is complete, and sends the form', async () => {
    const onDecide = vi.fn<(b: ReviewBody) => void>();
    const onResolve = vi.fn(async () => {});
    const { rerender } = render(<AntApp><SecrecyReviewPanel item={item} findings={[finding()]} onResolve={onResolve} onDecide={onDecide} /></AntApp>);
    const pass = () => screen.getByRole('button', { name: '办公室保密审查通过' });
    expect(pass()).toHaveProperty('disabled', true);
    expect(screen.getByText(/还有 1 项扫描发现尚未处理/)).toBeTruthy();
    expect(screen.getByText('位置：正文 第 3 段')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '已从内容中删除' }));
    expect(onResolve).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), 'removed');
    rerender(<AntApp><SecrecyReviewPanel item={item} findings={[finding({ resolution: 'removed', resolutionName: '已删除', resolvedBy: '孙保密', resolvedAt: '2026-03-02T02:00:00.000Z' })]}
      onResolve={onResolve} onDecide={onDecide} /></AntApp>);
    expect(screen.getByText(/是否涉及国家秘密”尚未选择/)).toBeTruthy();
    expect(pass()).toHaveProperty('disabled', true);

    answer('是否涉及国家秘密', '否');
    answer('是否涉及工作秘密', '否');
    answer('是否涉及个人信息', '否');
    answer('是否涉及商业秘密', '否');
    expect(screen.getByText(/尚未选择拟发布渠道/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('政府网站（政府信息公开平台）'));
    fireEvent.click(screen.getByLabelText('公开栏'));
    answer('是否适合在政府网站（政府信息公开平台）发布', '是');
    answer('是否适合在公开栏发布', '否');
    fireEvent.change(screen.getByLabelText('审查结论'), { target: { value: '不涉密，可在政府网站公开。' } });
    expect(pass()).toHaveProperty('disabled', false);
    fireEvent.click(pass());
    expect(onDecide).toHaveBeenCalledWith({
      step: 'secrecy-review', decision: 'pass',
      form: {
        stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
        channelsFit: { portal: true, 'notice-board': false }, conclusion: '不涉密，可在政府网站公开。',
      },
    });
  });
});

describe('ReviewDecision', () => {
  it('asks for a reason before a return is sent', () => {
    const onReturn = vi.fn();
    render(<AntApp><ReviewDecision stepName="科室负责人初审" onPass={vi.fn()} onReturn={onReturn} /></AntApp>);
    fireEvent.click(screen.getByRole('button', { name: '退回经办人' }));
    const confirm = screen.getByRole('button', { name: '确认退回' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('退回理由（必填）'), { target: { value: '  ' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('退回理由（必填）'), { target: { value: '文号有误' } });
    fireEvent.click(confirm);
    expect(onReturn).toHaveBeenCalledWith('文号有误', '');
  });
});

describe('channelsToOffer', () => {
  it('offers the channels found fit that the version is not on yet', () => {
    const it = { version: 2, publications: [
      { id: 1, channel: 'portal', version: 2, publishedOn: '2026-03-03', actor: '周专员', withdrawnAt: null, withdrawnBy: null, withdrawalReason: null },
      { id: 2, channel: 'wechat', version: 1, publishedOn: '2026-02-03', actor: '周专员', withdrawnAt: null, withdrawnBy: null, withdrawalReason: null },
    ] } as Pick<ItemDetail, 'version' | 'publications'>;
    expect(channelsToOffer({ portal: true, wechat: true, led: false, 'notice-board': true }, it)).toEqual(['wechat', 'notice-board']);
    expect(channelsToOffer(null, it)).toEqual([]);
  });
});

describe('ReviewDecision: 撤回签发', () => {
  it('offers only the take-back, with its reason required', () => {
    const onReturn = vi.fn();
    render(<AntApp><ReviewDecision stepName="领导核审签发" takeBack onPass={vi.fn()} onReturn={onReturn} /></AntApp>);
    expect(screen.queryByRole('button', { name: '领导核审签发通过' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '撤回签发' }));
    const confirm = screen.getByRole('button', { name: '确认撤回签发' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('撤回签发的理由（必填）'), { target: { value: '数据需重新核对' } });
    fireEvent.click(confirm);
    expect(onReturn).toHaveBeenCalledWith('数据需重新核对', '');
  });
});
