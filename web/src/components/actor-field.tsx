/**
 * 操作人: the name recorded with each save, check and publication (kept in this browser until a
 * login exists; the server reads it from the x-gongkai-user header).
 */
import { useState } from 'react';
import { Input } from 'antd';
import { getActor, setActor } from '../api.js';

/** The operator name field of the title bar. */
export function ActorField() {
  const [name, setName] = useState(getActor);
  return (
    <label className="gk-actor">
      <span>操作人</span>
      <Input size="small" value={name} placeholder="请填写姓名" maxLength={50} style={{ width: 140 }}
        onChange={(e) => { setName(e.target.value); setActor(e.target.value); }} />
    </label>
  );
}
