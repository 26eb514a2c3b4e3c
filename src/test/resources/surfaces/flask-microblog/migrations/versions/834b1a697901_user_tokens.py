"""user tokens

Revision ID: 834b1a697901
Revises: c81bac34faab
"""
from alembic import op
import sqlalchemy as sa


revision = '834b1a697901'
down_revision = 'c81bac34faab'


def upgrade():
    op.add_column('user', sa.Column('token', sa.String(length=32), nullable=True))
    op.add_column('user', sa.Column('token_expiration', sa.DateTime(), nullable=True))
    op.create_index(op.f('ix_user_token'), 'user', ['token'], unique=True)


def downgrade():
    op.drop_index(op.f('ix_user_token'), table_name='user')
    op.drop_column('user', 'token_expiration')
    op.drop_column('user', 'token')
