"""Management support: the workplace's self-assessment, the manager's commitment, the action plan
and the manager's SMILE page."""
