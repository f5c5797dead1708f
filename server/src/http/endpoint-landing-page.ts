import type { ApolloServerPlugin } from '@apollo/server';

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>GraphQL · 居民家庭经济状况核对平台</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6}
code,pre{font-family:ui-monospace,monospace}pre{background:#f5f7fa;padding:.75rem;border-radius:6px;overflow:auto}</style>
</head><body>
<h1>GraphQL 接口 <small lang="en">GraphQL endpoint</small></h1>
<p>请以 POST 发送 JSON 请求；先调用 <code>logIn</code> 获取令牌。本页不加载任何外部资源。</p>
<p lang="en">POST JSON here; call <code>logIn</code> first for a bearer token. This page loads nothing from elsewhere.</p>
<pre>curl -s -X POST -H 'content-type: application/json' \\
  -d '{"query":"mutation { logIn(username: \\"admin\\", password: \\"…\\") { token expiresAt } }"}' \\
  http://&lt;host&gt;/graphql</pre>
<p><a href="/">返回首页 / Home</a></p>
</body></html>`;

/** What a browser sees at /graphql: a local page instead of Apollo's default, which loads an explorer from a CDN. */
export function endpointLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: PAGE };
        },
      };
    },
  };
}
