"""Active measures (aktiva åtgärder): the employer's yearly cycle per workplace."""
