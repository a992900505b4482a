import { renderApp } from '../../components/app-root';
import { SidePanelApp } from '../../components/sidepanel-app';

renderApp(<SidePanelApp />);
