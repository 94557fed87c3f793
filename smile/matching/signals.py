"""What matching tells the domains above it, which it must not import.

`pair_closed(pair=…)` is sent inside the transaction that completes or ends a pair (mentoring asks
both sides for a closing reflection). Receivers do their work through their own services.
"""

from django.dispatch import Signal

pair_closed = Signal()
