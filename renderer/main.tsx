import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installChineseErrors } from '../shared/contract/validation';
import { App } from './app/App';

// The forms check drafts with the contract's schemas; every message they show is the Chinese one.
installChineseErrors();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
