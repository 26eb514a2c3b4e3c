-- Written for migsafe's tests: the application migrates with gorm's AutoMigrate only.
ALTER TABLE user_models RENAME COLUMN email TO email_address;
ALTER TABLE user_models DROP COLUMN bio;
