import { renderApp } from '../../components/app-root';
import { SidebarApp } from '../../components/sidebar-app';

renderApp(<SidebarApp />);
