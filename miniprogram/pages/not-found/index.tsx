import { DeadEnd } from '../../components/dead-end';
import { useElderClass } from '../../elder-mode';

/**
 * Where the app sends a link to a page it does not have (an old or mistyped link, a page moved in
 * an update): app.ts redirects here from onPageNotFound, in WeChat and in H5.
 */
export default function NotFoundPage() {
  const elder = useElderClass();
  return <DeadEnd testId="not-found" elder={elder} title="没有找到这个页面" text="链接可能有误，或者这个页面已经不再提供。您可以回到首页查找需要的信息和服务。" />;
}
