import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { openLoginWhenSignedOut } from './open-login-when-signed-out.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
openLoginWhenSignedOut();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
