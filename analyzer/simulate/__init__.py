"""What-if simulations over priced usage: scenarios, forecasts."""
