import { Spin } from 'antd';

/** Shown while a lazily loaded face (workbench, command screen) downloads. */
export function PageFallback() {
  return (
    <div className="page-fallback" aria-busy="true">
      <Spin size="large" />
    </div>
  );
}
