/**
 * Entry of the disclosure office's web UI: antd in Chinese (zh_CN), a formal theme, the app shell.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { AppShell } from './app-shell.js';
import './styles.css';

type Locale = NonNullable<ConfigProviderProps['locale']>;
// antd's locale file is an ES module the bundler unwraps; the type checker sees it as CommonJS.
const zhCN = ((zhCNModule as unknown as { default?: Locale }).default ?? zhCNModule) as Locale;

const theme: ConfigProviderProps['theme'] = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 2,
    // Darker secondary text, placeholders and red than antd's defaults: WCAG AA contrast on white.
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#c0282d',
    fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif',
  },
  components: {
    Layout: { headerBg: '#9b1c1c', headerHeight: 56, bodyBg: '#f3f4f6' },
    Breadcrumb: { linkColor: 'rgba(0, 0, 0, 0.62)', itemColor: 'rgba(0, 0, 0, 0.62)', separatorColor: 'rgba(0, 0, 0, 0.62)' },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <AppShell />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
