"""What staff enter, checked before it is written: reading uploaded files (``files``), validating and committing an
import (``importer``), the upload preview and its plausibility checks (``preview``), reverting a batch (``revert``),
targets set by documents (``targets``) and milestone progress (``milestones``). Every write checks the role."""
