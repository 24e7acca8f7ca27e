/**
 * Imports every job kind so it registers itself. Add one line per kind; the runner and the worker both
 * import this file, so a kind exists in both places.
 */
import './echo-job'
import '../evidence/bundle-job'
import '../evidence/thumbs/thumbnail-job'
import '../evidence/packs/pack-job'
import '../import/job'
import '../documents/batch-job'
import '../reviews/batch-job'
