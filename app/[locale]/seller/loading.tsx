import { PageLoading } from '../_components/page-loading';

// Its own boundary: moving between the seller's tools shows this below her navigation, not an old page.
export default function Loading() {
  return <PageLoading />;
}
