-- A metric that states a goal (力争…, 不低于…, a period still to come) rather than a figure reached is marked by
-- the extractors; analysts keep targets apart from actuals (v_metrics.target).
ALTER TABLE metrics ADD COLUMN target BOOLEAN DEFAULT false;
